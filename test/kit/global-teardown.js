const fs = require('fs');

module.exports = async () => {
	const folder = process.env.COMMERCE_PACK_TEST_FOLDER;
	if (folder) fs.rmSync(folder, { recursive: true, force: true });
};
