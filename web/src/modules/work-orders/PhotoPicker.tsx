import { PlusOutlined } from '@ant-design/icons';
import { Image, Upload, type UploadFile } from 'antd';
import { useState } from 'react';
import { useT } from '../../app/i18n/I18nProvider';

interface Props {
  value?: UploadFile[];
  onChange?: (files: UploadFile[]) => void;
  max: number;
}

/** Picks up to `max` images with thumbnails; nothing is sent until the form submits. */
export function PhotoPicker({ value = [], onChange, max }: Props) {
  const t = useT();
  const [preview, setPreview] = useState<string>();
  return (
    <>
      <Upload
        listType="picture-card"
        accept="image/jpeg,image/png,image/webp"
        multiple
        fileList={value}
        maxCount={max}
        beforeUpload={() => false}
        onChange={({ fileList }) => onChange?.(fileList.slice(0, max))}
        onPreview={(f) => setPreview(f.thumbUrl ?? (f.originFileObj ? URL.createObjectURL(f.originFileObj) : undefined))}
      >
        {value.length < max && (
          <div data-testid="photo-add"><PlusOutlined /><div style={{ marginTop: 4, fontSize: 12 }}>{t('workOrder.upload')}</div></div>
        )}
      </Upload>
      {preview && <Image style={{ display: 'none' }} src={preview} preview={{ open: true, onOpenChange: (o) => !o && setPreview(undefined) }} />}
    </>
  );
}

export const filesOf = (list: UploadFile[] | undefined): File[] =>
  (list ?? []).map((f) => f.originFileObj).filter((f): f is NonNullable<typeof f> => Boolean(f)) as File[];
