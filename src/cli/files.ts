/**
 * Files the command-line tools read and write, safely:
 * - an input is opened without blocking (a FIFO does not hang), must be a regular file (not a
 *   device such as /dev/zero, a FIFO or a socket) and of bounded size, and is read through the
 *   descriptor that was checked;
 * - an output is written into a private folder made for it (mkdtemp, exclusive creation) beside
 *   its target and then moved into place, so that no planted link or predictable temporary name
 *   can redirect the write.
 */
import { constants } from "node:fs";
import { mkdtemp, open, rename, rm, unlink, writeFile } from "node:fs/promises";
import { basename, dirname, join } from "node:path";
import { formatNumber, LocalizedError, type Bilingual, type Locale } from "../engine/i18n";

/** Why a file cannot be read: one sentence, Vietnamese (`message`) and English (`in("en")`); `code` says which case. */
export class FileReadError extends LocalizedError {
  override readonly name = "FileReadError";
  constructor(
    message: Bilingual,
    readonly code?: string,
  ) {
    super(message);
  }
}

const mb = (n: number, locale: Locale) => formatNumber(Math.round(n / 1024 / 1024), locale);

function kindOf(s: import("node:fs").Stats): Bilingual {
  if (s.isDirectory()) return { vi: "một thư mục", en: "a folder" };
  if (s.isFIFO()) return { vi: "một đường ống (FIFO)", en: "a pipe (FIFO)" };
  if (s.isCharacterDevice() || s.isBlockDevice()) return { vi: "một thiết bị", en: "a device" };
  if (s.isSocket()) return { vi: "một socket", en: "a socket" };
  return { vi: "một tệp đặc biệt", en: "a special file" };
}

/**
 * The bytes of a regular file of at most `maxBytes`; throws FileReadError with the reason:
 * missing (code ENOENT), a folder, a device or FIFO, no permission, too large.
 */
export async function readRegularFile(path: string, maxBytes: number): Promise<Buffer> {
  let fh;
  try {
    fh = await open(path, constants.O_RDONLY | constants.O_NONBLOCK | (constants.O_NOCTTY ?? 0));
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    throw new FileReadError(
      code === "ENOENT" || code === "ENOTDIR"
        ? { vi: "Không tìm thấy tệp.", en: "No such file." }
        : code === "EACCES" || code === "EPERM"
          ? { vi: "Không có quyền đọc tệp.", en: "No permission to read the file." }
          : code === "EISDIR"
            ? { vi: "Đây là thư mục, không phải tệp.", en: "This is a folder, not a file." }
            : {
                vi: `Không đọc được tệp (lỗi hệ thống ${code ?? "?"}).`,
                en: `The file cannot be read (system error ${code ?? "?"}).`,
              },
      code,
    );
  }
  try {
    const s = await fh.stat();
    if (!s.isFile())
      throw new FileReadError(
        { vi: `Đây là ${kindOf(s).vi}, không phải tệp.`, en: `This is ${kindOf(s).en}, not a file.` },
        s.isDirectory()
          ? "EISDIR"
          : s.isFIFO()
            ? "EFIFO"
            : s.isCharacterDevice() || s.isBlockDevice()
              ? "EDEVICE"
              : "ENOTFILE",
      );
    if (s.size > maxBytes)
      throw new FileReadError(
        {
          vi: `Tệp lớn ${formatNumber(Math.ceil(s.size / 1024 / 1024), "vi")} MB, quá ${mb(maxBytes, "vi")} MB: quá lớn để đọc.`,
          en: `The file is ${formatNumber(Math.ceil(s.size / 1024 / 1024), "en")} MB, over ${mb(maxBytes, "en")} MB: too large to read.`,
        },
        "EFBIG",
      );
    // Read at most one byte more than allowed: a file that grows while read is still bounded.
    const buf = Buffer.alloc(Math.min(maxBytes + 1, Math.max(s.size, 0) + 1));
    let n = 0;
    for (;;) {
      const { bytesRead } = await fh.read(buf, n, buf.length - n, n);
      if (bytesRead === 0) break;
      n += bytesRead;
      if (n === buf.length) {
        if (n > maxBytes)
          throw new FileReadError(
            {
              vi: `Tệp lớn hơn ${mb(maxBytes, "vi")} MB: quá lớn để đọc.`,
              en: `The file is larger than ${mb(maxBytes, "en")} MB: too large to read.`,
            },
            "EFBIG",
          );
        break;
      }
    }
    return buf.subarray(0, n);
  } catch (e) {
    if (e instanceof FileReadError) throw e;
    throw new FileReadError(
      { vi: "Không đọc được tệp.", en: "The file cannot be read." },
      (e as NodeJS.ErrnoException).code,
    );
  } finally {
    await fh.close();
  }
}

/**
 * Writes `bytes` to `target` through a private folder beside it (made by mkdtemp, mode 0700,
 * the file created exclusively inside), then renames it into place: an existing `target` is
 * replaced only when `replace` is true (a link at `target` is replaced, never followed).
 * Throws the system error (its `code` says why).
 */
export async function writeNewFile(target: string, bytes: Uint8Array, replace: boolean): Promise<void> {
  const dir = await mkdtemp(join(dirname(target), ".dean-"));
  try {
    const tmp = join(dir, basename(target));
    await writeFile(tmp, bytes, { flag: "wx", mode: 0o644 });
    if (!replace) {
      // Exclusive creation of the target itself (fails on any file or link there); the content then replaces it.
      const fh = await open(target, constants.O_WRONLY | constants.O_CREAT | constants.O_EXCL, 0o644);
      await fh.close();
      try {
        await rename(tmp, target);
      } catch (e) {
        await unlink(target).catch(() => undefined);
        throw e;
      }
      return;
    }
    await rename(tmp, target);
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}
