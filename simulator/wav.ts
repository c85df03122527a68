/**
 * The audio of speech and music jobs: a WAV file (RIFF, PCM, 16-bit mono, 16 kHz) holding a sine
 * tone, playable by any player, with no encoder needed.
 */

export const WAV_SAMPLE_RATE = 16_000;
const BITS = 16;
const HEADER_BYTES = 44;
const AMPLITUDE = 0.3 * 0x7fff;
/** Fade in and out over this many seconds, so the tone starts and stops without a click. */
const FADE_SECONDS = 0.02;

export function sineWav(seconds: number, frequency: number): Buffer {
	const samples = Math.round(seconds * WAV_SAMPLE_RATE);
	const dataBytes = samples * (BITS / 8);
	const wav = Buffer.alloc(HEADER_BYTES + dataBytes);
	wav.write('RIFF', 0, 'latin1');
	wav.writeUInt32LE(HEADER_BYTES - 8 + dataBytes, 4);
	wav.write('WAVE', 8, 'latin1');
	wav.write('fmt ', 12, 'latin1');
	wav.writeUInt32LE(16, 16); // fmt chunk size
	wav.writeUInt16LE(1, 20); // PCM
	wav.writeUInt16LE(1, 22); // mono
	wav.writeUInt32LE(WAV_SAMPLE_RATE, 24);
	wav.writeUInt32LE((WAV_SAMPLE_RATE * BITS) / 8, 28); // byte rate
	wav.writeUInt16LE(BITS / 8, 32); // block align
	wav.writeUInt16LE(BITS, 34);
	wav.write('data', 36, 'latin1');
	wav.writeUInt32LE(dataBytes, 40);
	const fade = FADE_SECONDS * WAV_SAMPLE_RATE;
	for (let index = 0; index < samples; index++) {
		const envelope = Math.min(1, index / fade, (samples - 1 - index) / fade);
		const value = Math.round(AMPLITUDE * envelope * Math.sin((2 * Math.PI * frequency * index) / WAV_SAMPLE_RATE));
		wav.writeInt16LE(value, HEADER_BYTES + index * 2);
	}
	return wav;
}
