// A Y4M video of a badge QR for Chromium's fake camera: a one-line header, then raw 4:2:0 frames.
// The badge moves a little from frame to frame, as one held up to a phone does. A still, perfectly
// sharp code is a poor stand-in: the scanner's decoder (zxing-js) misses a few percent of such
// images outright (measured: 5 of 60 random badge payloads at one fixed pose), while each of these
// poses fails independently, so a badge is read within a few frames.
import { writeFileSync } from 'node:fs';
import QRCode from 'qrcode';

const W = 640,
  H = 480;
/** [size in px, rotation in degrees, shift x, shift y] of the code in each frame. */
const POSES = [
  [240, 0, 0, 0],
  [236, 3, 5, -3],
  [244, -4, -6, 4],
  [232, 7, 3, 6],
  [248, -8, -2, -5],
  [238, 2, -4, 2],
  [242, -2, 6, -6],
  [234, 5, -3, 5],
] as const;

function lumaFrame(
  modules: { size: number; get(row: number, col: number): number | boolean },
  [size, deg, dx, dy]: readonly number[],
) {
  const n = modules.size;
  const [cos, sin] = [Math.cos((deg! * Math.PI) / 180), Math.sin((deg! * Math.PI) / 180)];
  const y = Buffer.alloc(W * H, 235);
  for (let py = 0; py < H; py++) {
    for (let px = 0; px < W; px++) {
      const [x0, y0] = [px - W / 2 - dx!, py - H / 2 - dy!];
      const col = Math.floor(((cos * x0 + sin * y0) / size! + 0.5) * n);
      const row = Math.floor(((-sin * x0 + cos * y0) / size! + 0.5) * n);
      if (col >= 0 && row >= 0 && col < n && row < n && modules.get(row, col)) y[py * W + px] = 16;
    }
  }
  return y;
}

/** One badge, or several shown one after the other (every pose of each), looping. */
export function writeBadgeVideo(path: string, text: string | string[]) {
  const chroma = Buffer.alloc((W / 2) * (H / 2) * 2, 128);
  const frames = [text].flat().flatMap((t) => {
    const qr = QRCode.create(t, { errorCorrectionLevel: 'M' });
    return POSES.map((pose) =>
      Buffer.concat([Buffer.from('FRAME\n'), lumaFrame(qr.modules, pose), chroma]),
    );
  });
  writeFileSync(
    path,
    Buffer.concat([Buffer.from(`YUV4MPEG2 W${W} H${H} F10:1 Ip A1:1 C420jpeg\n`), ...frames]),
  );
}
