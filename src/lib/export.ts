import Papa from 'papaparse';

/** A table as it is saved: a header row, then one row per line. */
export interface ExportTable {
  header: readonly string[];
  rows: readonly (readonly (string | number)[])[];
}

/** RFC 4180 CSV (papaparse quotes what needs quoting), with a BOM so spreadsheet apps read UTF-8. */
export function tableToCsv(table: ExportTable): string {
  return `\uFEFF${Papa.unparse({ fields: [...table.header], data: table.rows.map((r) => [...r]) }, { newline: '\r\n' })}\r\n`;
}

/** A name safe on every file system: lower-case words joined by dashes. */
export function fileName(name: string, extension: string): string {
  const base = name
    .toLowerCase()
    .replace(/[^\p{L}\p{N}]+/gu, '-')
    .replace(/^-+|-+$/g, '');
  return `${base || 'chart'}.${extension}`;
}

/** Hands `blob` to the browser as a download called `name`. */
export function download(blob: Blob, name: string): void {
  const url = URL.createObjectURL(blob);
  const a = document.createElement('a');
  a.href = url;
  a.download = name;
  a.click();
  // The click has started the download by the next task; the URL is not needed after that.
  setTimeout(() => URL.revokeObjectURL(url), 0);
}

/**
 * An on-screen SVG as a PNG at `scale` times its drawing size. The copy gets the colour and font it
 * inherited on the page (`currentColor` and unset fonts mean nothing outside it) and a background.
 */
export async function svgToPng(svg: SVGSVGElement, scale = 2): Promise<Blob> {
  const { width, height } = svg.viewBox.baseVal;
  const style = getComputedStyle(svg);
  const copy = svg.cloneNode(true) as SVGSVGElement;
  copy.setAttribute('xmlns', 'http://www.w3.org/2000/svg');
  copy.setAttribute('width', String(width));
  copy.setAttribute('height', String(height));
  copy.setAttribute('color', style.color);
  copy.setAttribute('font-family', style.fontFamily);
  copy.removeAttribute('class');
  const source = new XMLSerializer().serializeToString(copy);
  const url = URL.createObjectURL(new Blob([source], { type: 'image/svg+xml' }));
  try {
    const image = new Image();
    image.src = url;
    await image.decode();
    const canvas = document.createElement('canvas');
    canvas.width = Math.round(width * scale);
    canvas.height = Math.round(height * scale);
    const ctx = canvas.getContext('2d');
    if (!ctx) throw new Error('This browser cannot draw a picture to save.');
    ctx.fillStyle = backgroundOf(svg);
    ctx.fillRect(0, 0, canvas.width, canvas.height);
    ctx.drawImage(image, 0, 0, canvas.width, canvas.height);
    return await new Promise<Blob>((resolve, reject) =>
      canvas.toBlob((blob) => (blob ? resolve(blob) : reject(new Error('The picture could not be made.'))), 'image/png'),
    );
  } finally {
    URL.revokeObjectURL(url);
  }
}

/** The first opaque background behind `el`, so dark-mode text stays readable in the picture. */
function backgroundOf(el: Element): string {
  for (let at: Element | null = el; at; at = at.parentElement) {
    const bg = getComputedStyle(at).backgroundColor;
    if (bg && bg !== 'transparent' && !/rgba\(.*,\s*0\)$/.test(bg)) return bg;
  }
  return 'white';
}
