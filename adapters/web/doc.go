// Package web is the web front door: a personal home and admin pages over
// the same core and rules as the chat commands.
package web
