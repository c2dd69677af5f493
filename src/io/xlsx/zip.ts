/**
 * The zip of an .xlsx, read with yauzl (central directory, Zip64, sizes checked while
 * inflating), and refused when its entries could be read two ways: two entries of one name
 * (Excel calls the file corrupt; other readers take the last), an entry named one way in the
 * central directory and another in its local header, an Info-ZIP Unicode Path field that renames
 * an entry for the readers that honour it, data hidden in a folder entry. Entries are inflated
 * as streams, chunk by chunk, and stopped at their declared size and at the caps.
 */
import type { Readable } from "node:stream";
import * as yauzl from "yauzl";
import { type ReadLimits, refuse } from "./limits";
import { InputError } from "../errors";

/** Extra field id of the Info-ZIP Unicode Path. */
const UNICODE_PATH = 0x7075;

const ZIP = [0x50, 0x4b, 0x03, 0x04];
/** OLE compound file: an old .xls, or an .xlsx encrypted with a password. */
const OLE = [0xd0, 0xcf, 0x11, 0xe0];
const startsWith = (buf: Uint8Array, sig: number[]) => sig.every((b, i) => buf[i] === b);

/** Says what the bytes are when they are no zip at all (empty, an old .xls, a text…). */
export function sniffXlsx(buf: Uint8Array): void {
  if (buf.length === 0) throw refuse.empty();
  if (startsWith(buf, OLE)) throw refuse.ole();
  if (!startsWith(buf, ZIP)) throw refuse.notXlsx();
}

export interface ZipEntry {
  /** The name as written (forward slashes). */
  name: string;
  /** The name as a package part is looked up: no leading "/", ASCII lower case. */
  key: string;
  size: number;
  compressedSize: number;
  isFolder: boolean;
  raw: yauzl.Entry;
}

/** The part name a reader would look up for an entry name. */
const partKey = (name: string) => name.replace(/\\/g, "/").replace(/^\/+/, "").toLowerCase();

const asInputError = (e: unknown): InputError => (e instanceof InputError ? e : refuse.corrupt());

export class XlsxZip {
  private constructor(
    private readonly zip: yauzl.ZipFile,
    readonly entries: ZipEntry[],
    private readonly byKey: Map<string, ZipEntry>,
  ) {}

  /** Opens and checks the zip; throws InputError (Vietnamese) when it cannot be read unambiguously. */
  static async open(buf: Buffer, limits: ReadLimits): Promise<XlsxZip> {
    sniffXlsx(buf);
    let zip: yauzl.ZipFile;
    try {
      zip = await yauzl.fromBufferPromise(buf, { decodeStrings: false, validateEntrySizes: true });
    } catch {
      throw refuse.corrupt();
    }
    if (zip.entryCount > limits.maxEntries) throw refuse.entries(zip.entryCount);
    const entries: ZipEntry[] = [];
    const byKey = new Map<string, ZipEntry>();
    try {
      for await (const raw of zip.eachEntry()) {
        const name = yauzl.getFileNameLowLevel(raw.generalPurposeBitFlag, raw.fileNameRaw, [], false);
        if (raw.isEncrypted()) throw refuse.encrypted();
        if (raw.extraFields.some((f) => f.id === UNICODE_PATH)) throw refuse.unicodePath(name);
        const local = await zip.readLocalFileHeaderPromise(raw);
        if (!local.fileName.equals(raw.fileNameRaw)) {
          const localName = yauzl.getFileNameLowLevel(local.generalPurposeBitFlag, local.fileName, [], false);
          throw refuse.nameMismatch(name, localName);
        }
        if (yauzl.parseExtraFields(local.extraField).some((f) => f.id === UNICODE_PATH))
          throw refuse.unicodePath(name);
        const entry: ZipEntry = {
          name,
          key: partKey(name),
          size: raw.uncompressedSize,
          compressedSize: raw.compressedSize,
          isFolder: name.endsWith("/"),
          raw,
        };
        if (byKey.has(entry.key)) throw refuse.duplicate(name);
        if (entry.isFolder && entry.size > 0) throw refuse.folderData(name);
        if (!entry.isFolder && raw.compressionMethod !== 0 && raw.compressionMethod !== 8)
          throw refuse.corrupt();
        byKey.set(entry.key, entry);
        entries.push(entry);
      }
    } catch (e) {
      throw asInputError(e);
    }
    const z = new XlsxZip(zip, entries, byKey);
    // A folder entry must hold nothing (yauzl checks the inflated bytes against the declared 0).
    for (const e of entries) if (e.isFolder) await z.inflate(e, 0, () => undefined);
    return z;
  }

  /** The entry of a package part ("xl/workbook.xml"), whatever its case or leading slash. */
  get(part: string): ZipEntry | undefined {
    return this.byKey.get(partKey(part));
  }

  /**
   * Inflates an entry chunk by chunk into `onChunk`, never holding more than a chunk; stops with
   * `tooBig` past `cap` bytes, and with "corrupt" when it gives more (or fewer) bytes than its
   * central directory declared. Returns the inflated size.
   */
  async inflate(
    e: ZipEntry,
    cap: number,
    onChunk: (chunk: Buffer) => void,
    tooBig: () => InputError = () => refuse.entryBytes(e.name, cap),
  ): Promise<number> {
    if (e.size > cap) throw tooBig();
    if (e.isFolder && e.raw.compressionMethod !== 0 && e.raw.compressionMethod !== 8)
      throw refuse.folderData(e.name);
    let stream: Readable;
    try {
      stream = await this.zip.openReadStreamPromise(e.raw);
    } catch {
      throw refuse.corrupt();
    }
    let total = 0;
    try {
      for await (const chunk of stream as AsyncIterable<Buffer>) {
        total += chunk.length;
        if (total > cap) throw e.isFolder ? refuse.folderData(e.name) : tooBig();
        onChunk(chunk);
      }
    } catch (err) {
      stream.destroy();
      throw asInputError(err);
    }
    return total;
  }
}
