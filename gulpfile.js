// esbuild bundles the code (scripts/build.js); this copies what n8n also reads from each package's
// dist/: node and credential icons (light and dark SVG), the codex files (<Node>.node.json) that
// place each node in the editor, and output schemas (__schema__/, as n8n-node build copies them).
// The pack gets every service's files, a service package its own (scripts/lib/packages.js).
const { dest, parallel, src } = require('gulp');

const { allPackages } = require('./scripts/lib/packages');

function copyAssets(pkg) {
	const copy = () =>
		src(pkg.assets, { base: '.', encoding: false, allowEmpty: true }).pipe(dest(`${pkg.dir}/dist`));
	copy.displayName = `assets of ${pkg.name}`;
	return copy;
}

const build = parallel(...allPackages().map(copyAssets));

exports.build = build;
exports.default = build;
