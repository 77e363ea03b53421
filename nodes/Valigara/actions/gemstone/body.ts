import type { IDataObject } from 'n8n-workflow';

import { colorField } from './fields';

/** A gemstone's fields as the user filled them in → Valigara's names: Color (`hue`) is sent as `color`, in its place. */
export function withValigaraColor(fields: IDataObject): IDataObject {
	return Object.fromEntries(
		Object.entries(fields).map(([key, value]) => [key === colorField.name ? 'color' : key, value]),
	);
}

/** Where a gemstone's fields are read from, for labelsByApiPath: `color` from Color (`hue`) in `parameterPath`. */
export function gemstonePaths(apiPath: string, parameterPath: string): Record<string, string> {
	return {
		[apiPath]: parameterPath,
		[apiPath ? `${apiPath}.color` : 'color']: `${parameterPath}.${colorField.name}`,
	};
}
