/**
 * The XML of one zip entry, parsed as it inflates (saxes: a strict, maintained SAX parser that
 * decodes entities and character references itself, expands no DTD entity, and refuses what is
 * not well-formed). Handlers see local names (no namespace prefix) and decoded attribute values,
 * so what the reader decides on is what the text means, never its spelling.
 */
import { StringDecoder } from "node:string_decoder";
import { SaxesParser } from "saxes";
import { InputError } from "../errors";
import { refuse } from "./limits";
import type { XlsxZip, ZipEntry } from "./zip";

export type Attrs = Record<string, string>;

export interface XmlHandler {
  open(name: string, attrs: Attrs, selfClosing: boolean): void;
  close(name: string): void;
  /** Text and CDATA between tags (only wanted while the handler captures). */
  text?(text: string): void;
}

const localName = (name: string) => {
  const i = name.indexOf(":");
  return i < 0 ? name : name.slice(i + 1);
};

/** An attribute by local name, whatever its prefix ("r:id" is found as "id"). */
export function attrLocal(attrs: Attrs, local: string): string | undefined {
  if (attrs[local] !== undefined) return attrs[local];
  for (const k in attrs) if (localName(k) === local) return attrs[k];
  return undefined;
}

/**
 * Inflates `entry` and feeds its XML to `handler`, chunk by chunk. Throws InputError: the
 * handler's own refusals, `tooBig` past `cap` bytes, "not XML" for a malformed part.
 */
export async function parseXmlEntry(
  zip: XlsxZip,
  entry: ZipEntry,
  cap: number,
  handler: XmlHandler,
  tooBig?: () => InputError,
): Promise<number> {
  const parser = new SaxesParser({ xmlns: false, position: false });
  let failed: unknown;
  parser.on("error", (e) => {
    failed ??= e;
    throw e;
  });
  parser.on("opentag", (t) => handler.open(localName(t.name), t.attributes, t.isSelfClosing));
  parser.on("closetag", (t) => handler.close(localName(t.name)));
  if (handler.text) {
    const text = handler.text.bind(handler);
    parser.on("text", text);
    parser.on("cdata", text);
  }
  const decoder = new StringDecoder("utf8");
  let first = true;
  const feed = (s: string) => {
    if (first && s.length > 0) {
      first = false;
      if (s.charCodeAt(0) === 0xfeff) s = s.slice(1);
    }
    try {
      parser.write(s);
    } catch (e) {
      if (e instanceof InputError) throw e;
      throw refuse.xml(entry.name);
    }
  };
  const bytes = await zip.inflate(entry, cap, (chunk) => feed(decoder.write(chunk)), tooBig);
  feed(decoder.end());
  try {
    parser.close();
  } catch (e) {
    if (e instanceof InputError) throw e;
    throw refuse.xml(entry.name);
  }
  if (failed && !(failed instanceof InputError)) throw refuse.xml(entry.name);
  return bytes;
}
