import { useEffect, useMemo } from 'react';
import { useT } from './i18n';

const ACCEPT = 'image/jpeg,image/png,image/webp';

/** Up to `max` images with thumbnails, each removable; nothing is sent until the form submits. */
export function PhotoPicker({ id, files, onChange, max }: { id?: string; files: File[]; onChange: (files: File[]) => void; max: number }) {
  const t = useT();
  const urls = useMemo(() => files.map((f) => URL.createObjectURL(f)), [files]);
  useEffect(() => () => urls.forEach((u) => URL.revokeObjectURL(u)), [urls]);
  return (
    <div className="photos">
      {urls.map((u, i) => (
        <figure key={u} className="photo" data-testid="h5-photo">
          <img src={u} alt={files[i]!.name} />
          <button type="button" aria-label={`${t('common.close')} ${files[i]!.name}`} onClick={() => onChange(files.filter((_, j) => j !== i))}>×</button>
        </figure>
      ))}
      {files.length < max && (
        <label className="photo add" data-testid="photo-add">
          <span aria-hidden>+</span>
          <input id={id} type="file" accept={ACCEPT} multiple onChange={(e) => {
            onChange([...files, ...Array.from(e.target.files ?? [])].slice(0, max));
            e.target.value = '';
          }} />
        </label>
      )}
    </div>
  );
}
