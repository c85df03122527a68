import { NO_SUBJECT_MARKER, subjectMarkerScanner } from '../../../simulator/subjectMarker';

describe('simulator: the no-clear-subject marker in uploaded bytes', () => {
	const scan = (chunks: string[]) => {
		const scanner = subjectMarkerScanner();
		for (const chunk of chunks) scanner.feed(Buffer.from(chunk, 'latin1'));
		return scanner.found;
	};

	it('finds the marker inside one chunk, split over two, or spread one byte per chunk', () => {
		expect(scan([`aaa${NO_SUBJECT_MARKER}bbb`])).toBe(true);
		expect(scan(['aaa[no-su', 'bject]bbb'])).toBe(true);
		expect(scan([...`x${NO_SUBJECT_MARKER}y`])).toBe(true);
	});

	it('does not find it where it is not', () => {
		expect(scan(['aaa[no-su', 'xbject]'])).toBe(false);
		expect(scan(['[no-subject'])).toBe(false);
		expect(scan([])).toBe(false);
	});
});
