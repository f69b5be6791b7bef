// A Y4M video of a badge QR for Chromium's fake camera: a one-line header, then raw 4:2:0 frames.
import { writeFileSync } from 'node:fs';
import QRCode from 'qrcode';

export function writeBadgeVideo(path: string, text: string, frames = 10) {
  const W = 640, H = 480;
  const qr = QRCode.create(text, { errorCorrectionLevel: 'M' });
  const n = qr.modules.size;
  const scale = Math.floor(Math.min(W, H) / (n + 8)); // four modules of quiet zone on each side
  const x0 = Math.floor((W - n * scale) / 2), y0 = Math.floor((H - n * scale) / 2);
  const y = Buffer.alloc(W * H, 235);
  for (let r = 0; r < n; r++) {
    for (let c = 0; c < n; c++) {
      if (!qr.modules.get(r, c)) continue;
      for (let dy = 0; dy < scale; dy++) y.fill(16, (y0 + r * scale + dy) * W + x0 + c * scale, (y0 + r * scale + dy) * W + x0 + (c + 1) * scale);
    }
  }
  const chroma = Buffer.alloc((W / 2) * (H / 2) * 2, 128);
  const frame = Buffer.concat([Buffer.from('FRAME\n'), y, chroma]);
  writeFileSync(path, Buffer.concat([Buffer.from(`YUV4MPEG2 W${W} H${H} F10:1 Ip A1:1 C420jpeg\n`), ...Array(frames).fill(frame)]));
}
