'use strict';
// The README.md of a service package (npm shows it on the package's page), put together from
// the pack's README.md (the service's node section and credential row) and docs/<service>.md.
// Relative links become links into the repository, since npm shows the README on its own.

const fs = require('node:fs');
const path = require('node:path');

const { ROOT } = require('./packages');

/** The lines under the first heading that starts with `heading`, up to the next heading of the same or a higher level. */
function section(markdown, heading) {
	const lines = markdown.split('\n');
	const start = lines.findIndex((line) => line.startsWith(heading));
	if (start < 0) throw new Error(`README.md has no heading "${heading}"`);
	const level = /^#+/.exec(lines[start])[0].length;
	const end = lines.findIndex(
		(line, i) => i > start && /^#+ /.test(line) && /^#+/.exec(line)[0].length <= level,
	);
	return lines
		.slice(start + 1, end < 0 ? undefined : end)
		.join('\n')
		.trim();
}

function repositoryUrl(manifest) {
	return manifest.repository.url.replace(/^git\+/, '').replace(/\.git$/, '');
}

/** Relative links (`](docs/x.md)`, `](#anchor)` stays) → absolute links into the repository at `fromDir`. */
function absoluteLinks(markdown, repo, fromDir) {
	return markdown.replace(
		/\]\((?!https?:|#|mailto:)([^)\s]+)\)/g,
		(_, target) => `](${repo}/blob/main/${path.posix.join(fromDir, target)})`,
	);
}

/** Each heading one level deeper, so a document fits under the README's own headings. */
function deeper(markdown) {
	return markdown.replace(/^(#+) /gm, '#$1 ');
}

function serviceReadme(pkg, rootReadme) {
	const { manifest, service } = pkg;
	const repo = repositoryUrl(manifest);
	const pack = JSON.parse(fs.readFileSync(path.join(ROOT, 'package.json'), 'utf8')).name;
	const nodes = section(rootReadme, `### ${service.title}`);
	// The section's sentence, the table's head and the service's own row.
	const credentialRows = section(rootReadme, '## Credentials')
		.split('\n')
		.filter(
			(line) =>
				!line.startsWith('|') ||
				line.startsWith('| credential') ||
				line.startsWith('|---') ||
				line.startsWith(`| ${service.title} API`),
		);
	const docs = service.docs ? deeper(fs.readFileSync(path.join(ROOT, service.docs), 'utf8')) : '';
	const parts = [
		`# ${manifest.name}`,
		manifest.description,
		`The ${service.title} part of [${pack}](${repo}), built from the same source: the same nodes, the same credential, one service per package as n8n's verification asks.`,
		'## Installation',
		[
			`- **n8n's Community Nodes screen** (Settings › Community Nodes › Install): enter \`${manifest.name}\`.`,
			`- **By hand** (self-hosted): \`cd ~/.n8n/nodes && npm install ${manifest.name}\`, then restart n8n. In queue mode, on the main instance and on every worker.`,
			'- From n8n 3.0, a package that n8n has not verified installs only with `N8N_UNVERIFIED_PACKAGES_ENABLED=true`.',
			`- **Beside ${pack}**: both can be installed in one n8n. Node types carry the package name (\`${manifest.name}.<node>\`), and the credential type \`${service.credential.replace(/^./, (c) => c.toLowerCase())}\` is the very same definition in both, so one credential serves the nodes of both. Keep the two at the same version.`,
			'',
			`Everything else (Docker, tested n8n and Node versions): [Installation](${repo}#installation).`,
		].join('\n'),
		'## Nodes and operations',
		absoluteLinks(nodes, repo, ''),
		'## Credential',
		absoluteLinks(credentialRows.join('\n'), repo, ''),
		...(docs ? [absoluteLinks(docs, repo, path.posix.dirname(service.docs))] : []),
		'## License',
		`MIT. The bundled code of other packages (zod) comes with its licence in \`dist/THIRD_PARTY_NOTICES.md\`.`,
	];
	return parts.join('\n\n') + '\n';
}

module.exports = { serviceReadme, section, absoluteLinks };
