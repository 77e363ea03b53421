/**
 * What this node assumes where Valigara's docs are silent, in one place (the README's "What the
 * docs left open" lists each). The Orders actions' names are in ./action-names.ts; everything here can
 * be changed per node in its options, and each guess is read so that a wrong guess loses no data:
 * see ./lists.ts for how replies that may have been cut are read again.
 */
export const GUESSES = {
	/**
	 * The exports and searches document no paging. These keys go into `data` asking for pages; a
	 * service that ignores them is noticed (the second page repeats the first), one that refuses
	 * them (303 Invalid Data) is asked again without them.
	 */
	paging: { pageKey: 'page', limitKey: 'limit', pageSize: 100 },
	/**
	 * The exports' date filters, `YYYY-MM-DD HH:MM:SS`, both ends included. A reply that may have
	 * been cut is read again in smaller windows through them; a service that ignores them is
	 * noticed (a record outside the window) and said.
	 */
	dateKeys: { from: 'date_from', to: 'date_to' },
	/** the fields of an exported record: its ID and the date the date filters apply to */
	records: {
		orders: { idField: 'order_id', dateField: 'order_date' },
		clients: { idField: 'client_id', dateField: 'date_created' },
	},
} as const;
