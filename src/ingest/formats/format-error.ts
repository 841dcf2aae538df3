/**
 * A file that cannot be read as a document. The message is the reason reported beside the
 * file's name (logs, `GET /api/documents`): written here, never a library's own message.
 */
export class FormatError extends Error {
  override name = "FormatError";
}
