import { describe, expect, it } from 'vitest';
import { checkImage, sniffImage } from './image-bytes.js';

const PNG = Buffer.from('iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg==', 'base64');
const JPEG = Buffer.from([0xff, 0xd8, 0xff, 0xe0, 0, 0x10]);
const WEBP = Buffer.concat([Buffer.from('RIFF'), Buffer.alloc(4), Buffer.from('WEBPVP8 ')]);

describe('an image is what its bytes say', () => {
  it('knows JPEG, PNG and WebP by their magic numbers and nothing else', () => {
    expect([PNG, JPEG, WEBP].map(sniffImage)).toEqual(['image/png', 'image/jpeg', 'image/webp']);
    expect(sniffImage(Buffer.from('<svg xmlns="http://www.w3.org/2000/svg"/>'))).toBeNull();
    expect(sniffImage(Buffer.from([0x89, 0x50]))).toBeNull();
  });
  it('refuses a page declared as a PNG, a type it does not take, and a file over the limit', () => {
    expect(checkImage(Buffer.from('<html><script>x</script></html>'), 'image/png', 1000)).toEqual({ ok: false, problem: 'invalid' });
    expect(checkImage(JPEG, 'image/png', 1000)).toEqual({ ok: false, problem: 'invalid' });
    expect(checkImage(PNG, 'image/svg+xml', 1000)).toEqual({ ok: false, problem: 'type' });
    expect(checkImage(PNG, 'image/png', 10)).toEqual({ ok: false, problem: 'too_large' });
    expect(checkImage(PNG, 'image/png', 1000)).toMatchObject({ ok: true, contentType: 'image/png' });
  });
});
