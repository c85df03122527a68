import { checkSpeech, SPEECH_TEXT_MAX_LENGTH } from '../../nodes/PixVerse/actions/video/lipsync';
import { restyleIdValue } from '../../nodes/PixVerse/actions/video/restyle';
import { catalogEntries } from '../../nodes/core/api/catalogs';
import { readRestyle, readVoice, RESTYLE_WRAPPERS, VOICE_WRAPPERS } from '../../nodes/core/api/catalogs';

const readVoices = (body: unknown) => catalogEntries(body, ...VOICE_WRAPPERS)!.map(readVoice).filter((voice) => voice !== undefined);
const readRestyles = (body: unknown) => catalogEntries(body, ...RESTYLE_WRAPPERS)!.map(readRestyle);

describe('catalog answers of undocumented shape', () => {
	const voice = { speaker_id: '7', name: 'Ava' };

	it.each<[string, unknown]>([
		['{items: [...]}', { items: [voice] }],
		['a bare array', [voice]],
		['{data: [...]}', { data: [voice] }],
		['{voices: [...]}', { voices: [voice] }],
		['{tts_list: [...]}', { tts_list: [voice] }],
		['{data: {tts_list: [...]}}', { data: { tts_list: [voice] } }],
		['{data: {items: [...]}}', { data: { items: [voice] } }],
	])('reads the entries of %s', (_label, body) => {
		expect(catalogEntries(body, ...VOICE_WRAPPERS)).toEqual([voice]);
	});

	it('finds no list in an answer without one (the API layer turns that into an error)', () => {
		expect(catalogEntries(undefined)).toBeUndefined();
		expect(catalogEntries('oops')).toBeUndefined();
		expect(catalogEntries({ items: 'none' })).toBeUndefined();
		expect(catalogEntries({ voices_unknown: [voice] }, ...VOICE_WRAPPERS)).toBeUndefined();
	});

	it('skips list entries that are not objects', () => {
		expect(catalogEntries([1, null, 'x'])).toEqual([]);
	});

	it('names voices by speaker_id and name, tolerating other spellings and skipping entries without an id', () => {
		const voices = readVoices({ items: [{ speaker_id: 3, display_name: 'Sam' }, { id: 'x9' }, { name: 'no id' }] });
		expect(voices.map(({ speakerId, name }) => ({ speakerId, name }))).toEqual([
			{ speakerId: '3', name: 'Sam' },
			{ speakerId: 'x9', name: 'x9' },
		]);
	});

	it('keeps restyle ids as sent (numbers stay numbers) and every field of the entry', () => {
		const [restyle] = readRestyles([{ restyle_id: 1001, name: 'Anime', thumbnail_url: 'https://x/t.jpg' }]);
		expect(restyle).toEqual({ restyleId: 1001, name: 'Anime', entry: { restyle_id: 1001, name: 'Anime', thumbnail_url: 'https://x/t.jpg' } });
	});
});

describe('lip-sync text to speech', () => {
	it('takes up to 200 characters with a voice', () => {
		expect(checkSpeech('x'.repeat(SPEECH_TEXT_MAX_LENGTH), '1')).toEqual([]);
	});

	it('names the field, the value and the limit of each problem', () => {
		expect(checkSpeech('x'.repeat(201), ' ')).toEqual([
			{ field: 'speechText', value: '201 characters', message: 'Speech Text is 201 characters long; lip-sync text-to-speech takes at most 200' },
			{ field: 'speakerId', value: ' ', message: expect.stringContaining('No voice chosen') },
		]);
		expect(checkSpeech('', '1')).toEqual([{ field: 'speechText', value: '', message: expect.stringContaining('Speech Text is empty') }]);
	});
});

describe('restyle id from the picker or an expression', () => {
	it.each<[unknown, string | number | undefined]>([
		[1001, 1001],
		['1002', 1002],
		[' 1003 ', 1003],
		['neon', 'neon'],
		['', undefined],
		[null, undefined],
	])('%p is sent as %p', (value, sent) => {
		expect(restyleIdValue(value)).toBe(sent);
	});
});
