/** Raised when a sibling's answer is larger than CRMS is willing to read. */
export class ResponseTooLargeError extends Error {
  override readonly name = 'ResponseTooLargeError';

  constructor(readonly limitBytes: number) {
    super(`response body exceeds ${limitBytes} bytes`);
  }
}

const NULL_BODY_STATUSES = new Set([101, 103, 204, 205, 304]);

async function readCapped(body: ReadableStream<Uint8Array>, limitBytes: number): Promise<Uint8Array> {
  const reader = body.getReader();
  const chunks: Uint8Array[] = [];
  let size = 0;
  try {
    for (;;) {
      const { done, value } = await reader.read();
      if (done) break;
      size += value.byteLength;
      if (size > limitBytes) {
        await reader.cancel().catch(() => undefined);
        throw new ResponseTooLargeError(limitBytes);
      }
      chunks.push(value);
    }
  } finally {
    reader.releaseLock();
  }
  const bytes = new Uint8Array(size);
  let offset = 0;
  for (const chunk of chunks) {
    bytes.set(chunk, offset);
    offset += chunk.byteLength;
  }
  return bytes;
}

/**
 * A `fetch` for openapi-fetch that reads the whole body before handing the response on, refusing
 * bodies over `limitBytes` (announced or streamed). Reading happens under the request's signal, so
 * a sibling that stalls mid-body is cut off by the attempt timeout like one that never answers.
 */
export function boundedFetch(limitBytes: number): (request: Request) => Promise<Response> {
  return async (request) => {
    const response = await fetch(request);
    const announced = Number(response.headers.get('content-length') ?? Number.NaN);
    if (Number.isFinite(announced) && announced > limitBytes) {
      await response.body?.cancel().catch(() => undefined);
      throw new ResponseTooLargeError(limitBytes);
    }
    if (response.body === null || NULL_BODY_STATUSES.has(response.status)) return response;
    const bytes = await readCapped(response.body, limitBytes);
    return new Response(bytes, { status: response.status, statusText: response.statusText, headers: response.headers });
  };
}
