import { type BackgroundProcess, startBackgroundProcess, waitUntil } from '../childProcess';
import { freePort } from '../freePort';
import { programAt } from './debianPackages';

export const REDIS_SERVER = programAt('/usr/bin/redis-server', 'redis-server');

export interface RedisServer {
	port: number;
	pid: number;
	process: BackgroundProcess;
	stop(): Promise<void>;
}

/** redis-server in the foreground on a free loopback port, nothing saved to disk; stopped by its pid. */
export async function startRedis(): Promise<RedisServer> {
	const port = await freePort();
	let ready = false;
	const redis = startBackgroundProcess(
		REDIS_SERVER.name,
		['--port', String(port), '--bind', '127.0.0.1', '--save', '', '--appendonly', 'no', '--daemonize', 'no'],
		{ onLine: (line) => (ready ||= line.includes('Ready to accept connections')) },
	);
	try {
		await waitUntil(redis, () => ready, `redis-server on port ${port}`, 30_000);
	} catch (error) {
		await redis.stop();
		throw error;
	}
	return { port, pid: redis.pid, process: redis, stop: () => redis.stop(5_000) };
}
