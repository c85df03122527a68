import { pathParameterProblem } from '../../nodes/core/api/pathParameters';

describe('values that go into an endpoint path', () => {
	it.each([
		'user:12345-pixverse:you@example.com-video:987654',
		'user:12345-pixverse:jo***@gmail.com-video:1',
		'user:12345-pixverse:a.b+c@example.co.uk-image:42',
		'opaque-id-without-the-documented-shape',
	])('accepts the id %s', (id) => {
		expect(pathParameterProblem('video_id', id)).toBeUndefined();
		expect(pathParameterProblem('id', id)).toBeUndefined();
	});

	it.each([
		['../accounts/demo@example.com', '".."'],
		['user:1-pixverse:a@b.c-video:1/../../accounts', '".."'],
		['..', '".."'],
		['.', '"."'],
		['user:1-video:1/x', '"/"'],
		['user:1-video:1\\x', '"\\"'],
		['user:1-video:1?email=a@b.c', '"?"'],
		['user:1-video:1#x', '"#"'],
		['%2e%2e%2faccounts', '"%"'],
		['user:1 video:1', 'a space'],
		['user:1-video:1\u00a0', 'a space'],
		['user:1-video:1\n', 'a control character'],
		['user:1-video:1\u0000', 'a control character'],
		['user:1-video:1\u007f', 'a control character'],
	])('refuses the id %j, naming %s', (id, part) => {
		const problem = pathParameterProblem('video_id', id);
		expect(problem?.field).toBe('Video ID (video_id)');
		expect(problem?.message).toContain(JSON.stringify(id));
		expect(problem?.message).toContain(`contains ${part}`);
		expect(problem?.allowed).toContain('without /, \\, .., ?, #, %');
	});

	it('refuses an empty or overlong id', () => {
		expect(pathParameterProblem('id', '')?.message).toBe('Job ID "" is empty');
		expect(pathParameterProblem('image_id', undefined)?.message).toBe('Image ID (image_id) "" is empty');
		expect(pathParameterProblem('video_id', 'x'.repeat(1025))?.message).toContain('1025 characters long; at most 1024');
	});

	it.each(['you@example.com', 'first.last+tag@mail.example.org'])('accepts the email %s', (email) => {
		expect(pathParameterProblem('email', email)).toBeUndefined();
	});

	it.each([
		['you', 'is not an email address'],
		['you@localhost', 'is not an email address'],
		['@example.com', 'is not an email address'],
		['a@b@example.com', 'is not an email address'],
		['../videos', 'contains ".."'],
		['you@example.com/../../videos', 'contains ".."'],
		['you@example.com?x=1', 'contains "?"'],
		['you @example.com', 'contains a space'],
	])('refuses the email %j: %s', (email, reason) => {
		const problem = pathParameterProblem('email', email);
		expect(problem?.message).toBe(`Account email ${JSON.stringify(email)} ${reason}${reason.startsWith('contains') ? ', which could send the request to another endpoint' : ''}`);
		expect(problem?.allowed).toContain('an email address');
	});
});
