/**
 * A tiny H.264 (Constrained Baseline) clip made without an encoder: a ball crossing the picture
 * from left to right. Every coded macroblock is I_PCM (its raw samples), so no transform or
 * entropy coding is needed; after the first picture only the two macroblocks that change are
 * coded and the others are skipped. The decoder turns this into ordinary video frames.
 */

const MB = 16;
export const CLIP_COLUMNS = 8;
const ROWS = 5;
const BALL_ROW = 2;
/** The coded picture is 128x80; the stream crops it to 16:9. */
export const CLIP_WIDTH = CLIP_COLUMNS * MB;
export const CLIP_HEIGHT = 72;
const CROP_BOTTOM_UNITS = (ROWS * MB - CLIP_HEIGHT) / 2;
/** One picture per column the ball passes. */
export const CLIP_FRAMES = CLIP_COLUMNS;

/** Constrained Baseline, level 1.0: what the sample entry's avcC repeats. */
export const PROFILE = { profileIdc: 66, constraintFlags: 0xc0, levelIdc: 10 };

const I_PCM_IN_I_SLICE = 25;
const I_PCM_IN_P_SLICE = 5 + I_PCM_IN_I_SLICE;

class BitWriter {
	private readonly bytes: number[] = [];
	private current = 0;
	private used = 0;

	bits(value: number, count: number): this {
		for (let bit = count - 1; bit >= 0; bit--) {
			this.current = (this.current << 1) | ((value >> bit) & 1);
			if (++this.used === 8) this.flushByte();
		}
		return this;
	}

	/** Unsigned Exp-Golomb, ue(v). */
	ue(value: number): this {
		const code = value + 1;
		const length = Math.floor(Math.log2(code));
		return this.bits(0, length).bits(code, length + 1);
	}

	/** Signed Exp-Golomb, se(v). */
	se(value: number): this {
		return this.ue(value > 0 ? 2 * value - 1 : -2 * value);
	}

	alignWithZeros(): this {
		while (this.used !== 0) this.bits(0, 1);
		return this;
	}

	samples(values: Uint8Array): this {
		for (const value of values) this.bits(value, 8);
		return this;
	}

	/** rbsp_trailing_bits(), then the bytes. */
	finish(): Buffer {
		this.bits(1, 1).alignWithZeros();
		return Buffer.from(this.bytes);
	}

	private flushByte(): void {
		this.bytes.push(this.current);
		this.current = 0;
		this.used = 0;
	}
}

/** A NAL unit: header byte, then the payload with emulation-prevention bytes inserted. */
function nalUnit(refIdc: number, type: number, rbsp: Buffer): Buffer {
	const out: number[] = [(refIdc << 5) | type];
	let zeros = 0;
	for (const byte of rbsp) {
		if (zeros === 2 && byte <= 3) {
			out.push(3);
			zeros = 0;
		}
		out.push(byte);
		zeros = byte === 0 ? zeros + 1 : 0;
	}
	return Buffer.from(out);
}

function sequenceParameterSet(): Buffer {
	const w = new BitWriter()
		.bits(PROFILE.profileIdc, 8)
		.bits(PROFILE.constraintFlags, 8)
		.bits(PROFILE.levelIdc, 8)
		.ue(0) // seq_parameter_set_id
		.ue(0) // log2_max_frame_num_minus4: frame_num has 4 bits
		.ue(2) // pic_order_cnt_type 2: output order is decoding order
		.ue(1) // max_num_ref_frames
		.bits(0, 1) // gaps_in_frame_num_value_allowed_flag
		.ue(CLIP_COLUMNS - 1)
		.ue(ROWS - 1)
		.bits(1, 1) // frame_mbs_only_flag
		.bits(1, 1) // direct_8x8_inference_flag
		.bits(1, 1) // frame_cropping_flag
		.ue(0)
		.ue(0)
		.ue(0)
		.ue(CROP_BOTTOM_UNITS)
		.bits(1, 1) // vui_parameters_present_flag
		.bits(0, 8) // no aspect ratio, overscan, signal type, chroma location, timing, HRD or pic_struct
		.bits(1, 1) // bitstream_restriction_flag: pictures leave the decoder without delay
		.bits(1, 1) // motion_vectors_over_pic_boundaries_flag
		.ue(0) // max_bytes_per_pic_denom
		.ue(0) // max_bits_per_mb_denom
		.ue(16) // log2_max_mv_length_horizontal
		.ue(16) // log2_max_mv_length_vertical
		.ue(0) // max_num_reorder_frames
		.ue(1); // max_dec_frame_buffering
	return nalUnit(3, 7, w.finish());
}

function pictureParameterSet(): Buffer {
	const w = new BitWriter()
		.ue(0) // pic_parameter_set_id
		.ue(0) // seq_parameter_set_id
		.bits(0, 1) // entropy_coding_mode_flag: CAVLC
		.bits(0, 1) // bottom_field_pic_order_in_frame_present_flag
		.ue(0) // num_slice_groups_minus1
		.ue(0) // num_ref_idx_l0_default_active_minus1
		.ue(0) // num_ref_idx_l1_default_active_minus1
		.bits(0, 1) // weighted_pred_flag
		.bits(0, 2) // weighted_bipred_idc
		.se(0) // pic_init_qp_minus26
		.se(0) // pic_init_qs_minus26
		.se(0) // chroma_qp_index_offset
		.bits(1, 1) // deblocking_filter_control_present_flag
		.bits(0, 1) // constrained_intra_pred_flag
		.bits(0, 1); // redundant_pic_cnt_present_flag
	return nalUnit(3, 8, w.finish());
}

/** The 384 samples of one I_PCM macroblock: 16x16 luma, then 8x8 Cb and 8x8 Cr. */
type Macroblock = Uint8Array;

const BACKGROUND = { y: 41, cb: 150, cr: 118 };
const BALL = { y: 190, cb: 70, cr: 160 };

function macroblock(inside: (x: number, y: number) => boolean): Macroblock {
	const samples = new Uint8Array(384);
	for (let y = 0; y < MB; y++)
		for (let x = 0; x < MB; x++) samples[y * MB + x] = inside(x + 0.5, y + 0.5) ? BALL.y : BACKGROUND.y;
	for (let y = 0; y < MB / 2; y++)
		for (let x = 0; x < MB / 2; x++) {
			const ball = inside(2 * x + 1, 2 * y + 1);
			samples[256 + y * 8 + x] = ball ? BALL.cb : BACKGROUND.cb;
			samples[320 + y * 8 + x] = ball ? BALL.cr : BACKGROUND.cr;
		}
	return samples;
}

const backgroundBlock = macroblock(() => false);
const ballBlock = macroblock((x, y) => (x - 8) ** 2 + (y - 8) ** 2 <= 6.5 ** 2);

function sliceHeader(w: BitWriter, frameNum: number): BitWriter {
	const idr = frameNum === 0;
	w.ue(0) // first_mb_in_slice
		.ue(idr ? 7 : 5) // slice_type: all I / all P
		.ue(0) // pic_parameter_set_id
		.bits(frameNum, 4);
	if (idr) w.ue(0); // idr_pic_id
	else w.bits(0, 1).bits(0, 1); // num_ref_idx_active_override_flag, ref_pic_list_modification_flag_l0
	if (idr) w.bits(0, 1).bits(0, 1); // no_output_of_prior_pics_flag, long_term_reference_flag
	else w.bits(0, 1); // adaptive_ref_pic_marking_mode_flag
	return w.se(0).ue(1); // slice_qp_delta, disable_deblocking_filter_idc 1: off
}

function pcm(w: BitWriter, mbType: number, block: Macroblock): void {
	w.ue(mbType).alignWithZeros().samples(block);
}

/** The first picture: background everywhere, the ball in the first column. */
function keyFrame(): Buffer {
	const w = sliceHeader(new BitWriter(), 0);
	for (let row = 0; row < ROWS; row++)
		for (let column = 0; column < CLIP_COLUMNS; column++)
			pcm(w, I_PCM_IN_I_SLICE, row === BALL_ROW && column === 0 ? ballBlock : backgroundBlock);
	return nalUnit(3, 5, w.finish());
}

/** Picture `frame`: the ball moves one column right; every other macroblock is skipped. */
function motionFrame(frame: number): Buffer {
	const w = sliceHeader(new BitWriter(), frame);
	const before = BALL_ROW * CLIP_COLUMNS + frame - 1;
	w.ue(before);
	pcm(w, I_PCM_IN_P_SLICE, backgroundBlock);
	w.ue(0);
	pcm(w, I_PCM_IN_P_SLICE, ballBlock);
	w.ue(ROWS * CLIP_COLUMNS - before - 2);
	return nalUnit(2, 1, w.finish());
}

export interface H264Clip {
	sps: Buffer;
	pps: Buffer;
	/** One NAL unit per picture, in decoding order; the first is the only sync sample. */
	pictures: Buffer[];
}

export const h264Clip: H264Clip = {
	sps: sequenceParameterSet(),
	pps: pictureParameterSet(),
	pictures: Array.from({ length: CLIP_FRAMES }, (_, frame) => (frame === 0 ? keyFrame() : motionFrame(frame))),
};
