// A thumb-sized −/+ stepper for whole cartons, with the number typeable.
import { Button, InputNumber } from 'antd';
import { MinusOutlined, PlusOutlined } from '@ant-design/icons';

export function CartonStepper({
  value,
  onChange,
  label,
  less,
  more,
  testId,
}: {
  value: number;
  onChange: (v: number) => void;
  label: string;
  less: string;
  more: string;
  testId?: string;
}) {
  return (
    <span className="zy-stepper" data-testid={testId}>
      <Button size="large" shape="circle" icon={<MinusOutlined />} aria-label={less} disabled={value <= 0} onClick={() => onChange(Math.max(0, value - 1))} />
      <InputNumber
        size="large"
        min={0}
        max={100_000}
        precision={0}
        inputMode="numeric"
        controls={false}
        aria-label={label}
        value={value}
        onChange={(v) => onChange(Number(v ?? 0))}
      />
      <Button size="large" shape="circle" icon={<PlusOutlined />} aria-label={more} onClick={() => onChange(value + 1)} />
    </span>
  );
}
