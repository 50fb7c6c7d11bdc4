// Reading a request body without trusting its size: refused on a declared
// Content-Length over the cap before anything is read, and cut off while streaming
// when a sender lies or sends chunks, so no route buffers more than `maxBytes`.

export class BodyTooLargeError extends Error {
  override name = "BodyTooLargeError";
}

/** The body as text, at most `maxBytes` bytes; throws BodyTooLargeError beyond. */
export async function readTextCapped(request: Request, maxBytes: number): Promise<string> {
  const declared = Number(request.headers.get("content-length") ?? "");
  if (Number.isFinite(declared) && declared > maxBytes) throw new BodyTooLargeError();
  if (!request.body) return "";
  const reader = request.body.getReader();
  const chunks: Uint8Array[] = [];
  let size = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    size += value.byteLength;
    if (size > maxBytes) {
      await reader.cancel();
      throw new BodyTooLargeError();
    }
    chunks.push(value);
  }
  return Buffer.concat(chunks).toString("utf8");
}
