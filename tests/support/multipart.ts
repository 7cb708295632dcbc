/** A multipart/form-data upload as the browser sends it: the form's fields, then one file named `file`. */
let boundary = 0;
export function multipartUpload(fileName: string, type: string, bytes: Buffer, fields: Record<string, string> = {}): { payload: Buffer; headers: Record<string, string> } {
  const b = `----tkupload${boundary++}`;
  const parts: Buffer[] = [];
  for (const [k, v] of Object.entries(fields)) parts.push(Buffer.from(`--${b}\r\nContent-Disposition: form-data; name="${k}"\r\n\r\n${v}\r\n`));
  parts.push(Buffer.from(`--${b}\r\nContent-Disposition: form-data; name="file"; filename="${fileName}"\r\nContent-Type: ${type}\r\n\r\n`));
  parts.push(bytes, Buffer.from(`\r\n--${b}--\r\n`));
  return { payload: Buffer.concat(parts), headers: { 'content-type': `multipart/form-data; boundary=${b}` } };
}
