/** WooCommerce Bookings statuses a seller works with. */
export const BOOKING_STATUSES = [
	{ name: 'Cancelled', value: 'cancelled' },
	{ name: 'Complete', value: 'complete' },
	{ name: 'Confirmed', value: 'confirmed' },
	{ name: 'Paid', value: 'paid' },
	{ name: 'Pending Confirmation', value: 'pending-confirmation' },
	{ name: 'Unpaid', value: 'unpaid' },
];
