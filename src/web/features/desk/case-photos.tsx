// Photos with a case: the retailer picks up to DESK_PHOTO_MAX on the phone,
// each shrunk to a JPEG in the browser before it is sent as a multipart file
// (the server checks the bytes again); a case shows its photos as thumbnails
// that open full size.
import { useEffect, useMemo } from 'react';
import { Button, Image, Space, Typography } from 'antd';
import { CameraOutlined, CloseOutlined } from '@ant-design/icons';
import { DESK_PHOTO_MAX, DESK_PHOTO_MAX_BYTES } from '../../../shared/desk.js';
import { useT } from '../../i18n/i18n.js';

const THUMB = { width: 72, height: 72, objectFit: 'cover' as const, borderRadius: 4 };
const ADD = { ...THUMB, display: 'inline-flex', flexDirection: 'column' as const, alignItems: 'center', justifyContent: 'center', gap: 2, border: '1px dashed #bfbfbf', cursor: 'pointer', fontSize: 12 };

/** At most `max` pixels on the long side as a JPEG; a file the browser cannot draw is sent as it is (the server refuses it if it is no image). */
export async function shrinkPhoto(file: File, max = 1280): Promise<Blob> {
  let bitmap: ImageBitmap;
  try {
    bitmap = await createImageBitmap(file);
  } catch {
    return file;
  }
  const scale = Math.min(1, max / Math.max(bitmap.width, bitmap.height));
  const canvas = document.createElement('canvas');
  canvas.width = Math.round(bitmap.width * scale);
  canvas.height = Math.round(bitmap.height * scale);
  canvas.getContext('2d')!.drawImage(bitmap, 0, 0, canvas.width, canvas.height);
  for (const quality of [0.8, 0.6, 0.4]) {
    const blob = await new Promise<Blob | null>((resolve) => canvas.toBlob(resolve, 'image/jpeg', quality));
    if (blob && blob.size <= DESK_PHOTO_MAX_BYTES) return blob;
  }
  return file;
}

export function PhotoPicker({ photos, onChange }: { photos: Blob[]; onChange: (photos: Blob[]) => void }) {
  const { t } = useT();
  const d = t.desk;
  const urls = useMemo(() => photos.map((p) => URL.createObjectURL(p)), [photos]);
  useEffect(() => () => urls.forEach((u) => URL.revokeObjectURL(u)), [urls]);
  return (
    <div>
      <Space wrap>
        {urls.map((u, i) => (
          <span key={u} style={{ position: 'relative', display: 'inline-block' }}>
            <img src={u} alt={`${d.photos} ${i + 1}`} style={THUMB} data-testid="picked-photo" />
            <Button
              size="small"
              shape="circle"
              icon={<CloseOutlined />}
              aria-label={d.removePhoto}
              style={{ position: 'absolute', top: -6, right: -6 }}
              onClick={() => onChange(photos.filter((_, j) => j !== i))}
            />
          </span>
        ))}
        {photos.length < DESK_PHOTO_MAX && (
          <label style={ADD} data-testid="add-photo">
            <CameraOutlined /> {d.addPhoto}
            <input
              type="file"
              accept="image/jpeg,image/png,image/webp"
              multiple
              hidden
              onChange={async (e) => {
                const files = [...(e.target.files ?? [])].slice(0, DESK_PHOTO_MAX - photos.length);
                e.target.value = '';
                if (files.length) onChange([...photos, ...(await Promise.all(files.map((f) => shrinkPhoto(f))))]);
              }}
            />
          </label>
        )}
      </Space>
      <Typography.Text type="secondary" style={{ display: 'block', fontSize: 12, marginTop: 4 }}>
        {d.photoHint(DESK_PHOTO_MAX)}
      </Typography.Text>
    </div>
  );
}

/** The case's photos, from `base` (…/cases/:id/photos) and their numbers. */
export function CasePhotos({ base, seqs, caption }: { base: string; seqs: number[]; caption?: string }) {
  const { t } = useT();
  if (!seqs.length) return null;
  return (
    <div style={{ margin: '4px 0 8px' }}>
      {caption && (
        <Typography.Text type="secondary" style={{ display: 'block', fontSize: 12, marginBottom: 4 }} data-testid="case-photos-caption">
          {caption}
        </Typography.Text>
      )}
      <Image.PreviewGroup>
        <Space wrap data-testid="case-photos">
          {seqs.map((s) => (
            <Image key={s} src={`${base}/${s}`} alt={`${t.desk.photos} ${s}`} width={THUMB.width} height={THUMB.height} style={THUMB} />
          ))}
        </Space>
      </Image.PreviewGroup>
    </div>
  );
}
