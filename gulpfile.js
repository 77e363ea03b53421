// tsc compiles the TypeScript; this copies what n8n also reads from dist/: node and credential icons
// (light and dark SVG) and the codex files (<Node>.node.json) that place each node in the editor.
const { src, dest } = require('gulp');

function copyIconsAndCodex() {
	return src(['nodes/**/*.{svg,png}', 'nodes/**/*.node.json', 'credentials/**/*.{svg,png}'], {
		base: '.',
		encoding: false,
	}).pipe(dest('dist'));
}

exports.build = copyIconsAndCodex;
exports.default = copyIconsAndCodex;
