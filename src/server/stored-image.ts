import type { FastifyReply } from 'fastify';

/**
 * A stored photo, sent only as the image type its bytes were checked to be when it was stored:
 * never sniffed, never rendered as a page, never cached outside the browser.
 */
export function sendStoredImage(reply: FastifyReply, name: string, image: { contentType: string; bytes: Buffer }) {
  return reply
    .header('content-type', image.contentType)
    .header('x-content-type-options', 'nosniff')
    .header('content-security-policy', "default-src 'none'; sandbox")
    .header('content-disposition', `inline; filename="${name}.${image.contentType.split('/')[1]}"`)
    .header('cache-control', 'private, no-store')
    .send(image.bytes);
}
