import { useEffect, useRef } from 'react';

interface Props {
  rgb: Uint8ClampedArray;
  size: number;
  label: string;
  testId?: string;
}

/** An RGB picture at the model's resolution, scaled up by CSS (pixelated: small models show their real pixels). */
export function RgbCanvas({ rgb, size, label, testId }: Props) {
  const ref = useRef<HTMLCanvasElement>(null);
  useEffect(() => {
    const g = ref.current?.getContext('2d');
    if (!g) return;
    const image = g.createImageData(size, size);
    for (let i = 0; i < size * size; i++) {
      image.data.set(rgb.subarray(i * 3, i * 3 + 3), i * 4);
      image.data[i * 4 + 3] = 255;
    }
    g.putImageData(image, 0, 0);
  }, [rgb, size]);
  return <canvas ref={ref} width={size} height={size} role="img" aria-label={label} data-testid={testId} className="block aspect-square w-full [image-rendering:pixelated]" />;
}

/** Thin lines every patch, over a picture. */
export function GridLines({ grid }: { grid: number }) {
  const step = `${100 / grid}%`;
  return (
    <div
      aria-hidden="true"
      className="pointer-events-none absolute inset-0"
      style={{
        backgroundImage: 'linear-gradient(to right, rgb(255 255 255 / 0.7) 1px, transparent 1px), linear-gradient(to bottom, rgb(255 255 255 / 0.7) 1px, transparent 1px)',
        backgroundSize: `${step} ${step}`,
      }}
    />
  );
}
