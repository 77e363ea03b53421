'use strict';
// Small helpers the four stand-ins share. Replies are plain objects; server.js writes them.

/** A reply: `body` objects are sent as JSON, strings as they are. */
function reply(status, body, headers = {}) {
	return { status, body, headers };
}

const pad = (n) => String(n).padStart(2, '0');

/** `YYYY-MM-DD HH:MM:SS` in UTC, the wall-clock format Valigara, Vanilla and Gigrove notifications use. */
function wallClock(date) {
	const d = new Date(date);
	return `${d.getUTCFullYear()}-${pad(d.getUTCMonth() + 1)}-${pad(d.getUTCDate())} ${pad(d.getUTCHours())}:${pad(d.getUTCMinutes())}:${pad(d.getUTCSeconds())}`;
}

/** `YYYY-MM-DDTHH:MM:SS` without an offset, as WordPress writes dates (the stand-in's site time zone is UTC). */
function wpDate(date) {
	return wallClock(date).replace(' ', 'T');
}

/** A date some days, hours and minutes before `now`. */
function ago(now, { days = 0, hours = 0, minutes = 0 }) {
	return new Date(now.getTime() - ((days * 24 + hours) * 60 + minutes) * 60_000);
}

/** A deep copy, so a reply never hands out the stored record itself. */
function copy(value) {
	return value === undefined ? undefined : JSON.parse(JSON.stringify(value));
}

const isObject = (value) => typeof value === 'object' && value !== null && !Array.isArray(value);

/** Money as the shops write it: `50.0000` (Vanilla) or `19.99` (WooCommerce), always text. */
function money(value, decimals = 2) {
	return Number(value || 0).toFixed(decimals);
}

module.exports = { reply, wallClock, wpDate, ago, copy, isObject, money };
