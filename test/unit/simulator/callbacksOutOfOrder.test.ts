import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { optionsFromArgs } from '../../../simulator/main';
import { create, useSimulator, waitFor } from './helpers';

describe('simulator: progress callbacks delivered after the final one', () => {
	const sim = useSimulator({ renderMs: 100 });

	it('holds QUEUED and GENERATING until COMPLETED has been answered, then sends them', async () => {
		const arrived: string[] = [];
		const server: Server = createServer((req, res) => {
			const chunks: Buffer[] = [];
			req.on('data', (chunk: Buffer) => chunks.push(chunk));
			req.on('end', () => {
				arrived.push(String(JSON.parse(Buffer.concat(chunks).toString()).video_status_name));
				res.writeHead(200).end('ok');
			});
		});
		await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
		try {
			sim().configure({ webhook: { progress: true, progressAfterFinal: true } });
			await create(sim(), { prompt: 'p', replyUrl: `http://127.0.0.1:${(server.address() as AddressInfo).port}/hook` });
			await waitFor(() => arrived.length === 3);
			expect(arrived[0]).toBe('COMPLETED');
			expect(arrived.slice(1).sort()).toEqual(['GENERATING', 'QUEUED']);
		} finally {
			await new Promise((resolve) => server.close(resolve));
		}
	});

	it('is switched on from the command line', () => {
		expect(optionsFromArgs(['--webhook-progress-after-final']).webhook).toMatchObject({ progressAfterFinal: true });
		expect(optionsFromArgs([]).webhook?.progressAfterFinal).toBeUndefined();
	});
});
