package main

import (
	"fmt"
	"net"
	"net/url"
	"os"
	"strconv"
	"strings"
	"time"

	"github.com/werkplek/werkplek/adapters/web"
	"github.com/werkplek/werkplek/intranet"
	"github.com/werkplek/werkplek/intranet/feature"
	"github.com/werkplek/werkplek/intranet/grammar"
	"github.com/werkplek/werkplek/intranet/store"
	"github.com/werkplek/werkplek/intranet/when"
)

// Config is Werkplek's configuration, read from environment variables (each
// secret also from NAME_FILE, a file holding it). Adapters get plain fields
// out of it; nothing reaches into it from elsewhere.
type Config struct {
	DatabaseURL string // WERKPLEK_DATABASE_URL
	Listen      string // WERKPLEK_LISTEN
	Language    string // WERKPLEK_LANGUAGE
	Timezone    string // WERKPLEK_TIMEZONE
	Location    *time.Location
	LogFormat   string // WERKPLEK_LOG_FORMAT: text or json
	PublicURL   string // WERKPLEK_PUBLIC_URL
	Secret      string // WERKPLEK_SECRET
	// QuietHours is WERKPLEK_QUIET_HOURS: no DMs then ("off" for none).
	QuietHours string
	// PrivacyMobile is WERKPLEK_PRIVACY_MOBILE: who sees the mobile number
	// of someone who chose nothing (everyone, team or hidden).
	PrivacyMobile intranet.FieldVisibility
	// PartnerFields is WERKPLEK_PARTNER_FIELDS, parsed: what partners see
	// of their contacts besides the name (never a mobile number).
	PartnerFields []string
	// RetentionDays is WERKPLEK_RETENTION_DAYS: how long delivered messages
	// and finished jobs are kept.
	RetentionDays int
	// JobTimeout, JobRescueAfter and JobWorkers are WERKPLEK_JOB_TIMEOUT,
	// WERKPLEK_JOB_RESCUE_AFTER and WERKPLEK_JOB_WORKERS (jobs.Config;
	// zero: its default).
	JobTimeout, JobRescueAfter time.Duration
	JobWorkers                 int
	// DMPlatforms is WERKPLEK_DM_PLATFORMS: where someone who never wrote
	// is looked for by email, in turn.
	DMPlatforms []intranet.Platform
	// RetryMaxWait is WERKPLEK_RETRY_MAX_WAIT: the longest wait between
	// two tries of a message to a platform that fails.
	RetryMaxWait time.Duration
	// MemoryLimit is WERKPLEK_MEMORY_LIMIT in bytes: serve's soft memory
	// limit for the Go runtime (0: none).
	MemoryLimit int64

	SlackSigningSecret string  // SLACK_SIGNING_SECRET
	SlackBotToken      string  // SLACK_BOT_TOKEN
	SlackAppToken      string  // SLACK_APP_TOKEN (Socket Mode)
	SlackAPIURL        string  // SLACK_API_URL
	SlackMessageRate   float64 // SLACK_MESSAGE_RATE

	MattermostURL           string   // MATTERMOST_URL
	MattermostBotToken      string   // MATTERMOST_BOT_TOKEN
	MattermostCommandTokens []string // MATTERMOST_COMMAND_TOKENS, comma separated

	TeamsAppID             string // TEAMS_APP_ID
	TeamsAppPassword       string // TEAMS_APP_PASSWORD
	TeamsTenantID          string // TEAMS_TENANT_ID
	TeamsOpenIDMetadataURL string // TEAMS_OPENID_METADATA_URL
	TeamsTokenURL          string // TEAMS_TOKEN_URL
	TeamsAuth              string // TEAMS_AUTH: "on" (default) or "off" for local trials

	// DirectorySync is WERKPLEK_DIRECTORY_SYNC: the chats' users are
	// synced with the phonebook daily at DirectorySyncAt.
	DirectorySync   bool
	DirectorySyncAt when.Clock

	OIDCIssuer       string // WERKPLEK_OIDC_ISSUER
	OIDCClientID     string // WERKPLEK_OIDC_CLIENT_ID
	OIDCClientSecret string // WERKPLEK_OIDC_CLIENT_SECRET

	// SCIMToken is WERKPLEK_SCIM_TOKEN: the bearer token of the identity
	// provider's provisioning; SCIM is off without it.
	SCIMToken string
}

// setting documents one environment variable for --help and the README.
type setting struct {
	Name, Default, Doc string
	Secret             bool
}

// settings lists every variable Werkplek reads, in the README's order.
var settings = []setting{
	{"WERKPLEK_DATABASE_URL", store.DefaultURL, "Database: postgres://USER:PASSWORD@HOST/DB (any form pgx accepts) or sqlite:PATH.", true},
	{"WERKPLEK_LISTEN", ":8080", "Address of the HTTP listener of `serve`.", false},
	{"WERKPLEK_LANGUAGE", "nl", "Reply language when a person chose none and their chat client is not Dutch: nl or en.", false},
	{"WERKPLEK_TIMEZONE", "Europe/Amsterdam", "Time zone in which times are shown and typed.", false},
	{"WERKPLEK_LOG_FORMAT", "text", "Log format on stderr: text or json.", false},
	{"WERKPLEK_PUBLIC_URL", "", "Address where platforms, calendars and browsers reach Werkplek (https://werkplek.example.nl); the web front door needs it.", false},
	{"WERKPLEK_SECRET", "", "Key for signed button contexts and feed tokens; the same on every replica. Required for Mattermost.", true},
	{"WERKPLEK_QUESTION_ESCALATE_HOURS", "4", "Working hours (Monday to Friday 08:00-17:00 in WERKPLEK_TIMEZONE) after which an unanswered question goes to the next experts, and as long after that to the topic's owner; a topic may set its own.", false},
	{"WERKPLEK_HANDOVER_REMINDER_HOURS", "12", "Hours before a shift's start at which a team's leads hear that a handover request is still open; 0: no reminder.", false},
	{"WERKPLEK_QUIET_HOURS", intranet.QuietHoursDefault, "Hours without DMs for everyone who set none of their own (/werkplek quiet): what waits goes out when they end, as one message where several wait; a person's own booking reminder or an answer to their own question comes anyway. off: none.", false},
	{"WERKPLEK_PRIVACY_MOBILE", "everyone", "Who sees a person's mobile number in the phonebook when they chose nothing themselves (/werkplek privacy mobile): everyone (iedereen), team (who shares a team with them, and their manager) or hidden (verborgen: only they). Guests never do; the people import and the identity provider never change a person's own choice.", false},
	{"WERKPLEK_PARTNER_FIELDS", intranet.DefaultPartnerFields, "What partners (people of a partner organisation, /partner) see of the colleagues named as their contacts, besides the name: a comma-separated list of title, department, phone (the work phone), email and location (functie, afdeling, telefoon, e-mail, locatie). `name` alone shares only the name. A mobile number is private and never shared: naming it is an error.", false},
	{"WERKPLEK_DM_PLATFORMS", "slack,teams,mattermost", "Where a DM goes for someone who never wrote to Werkplek: the first of these platforms that is on and knows their email.", false},
	{"WERKPLEK_NEWS_REMINDER_HOURS", "24", "Hours after an important news item's publication at which those who have not acknowledged it get a DM, and again as long after that (twice at most); 0: no reminders.", false},
	{"WERKPLEK_MILEAGE_RATE", strconv.FormatFloat(intranet.DefaultMileageRate, 'f', -1, 64), "Mileage allowance in euro per km (0.23 or 0,23) for trips (/km) of weeks not yet submitted; a week keeps the rate in force when it was submitted.", false},
	{"WERKPLEK_RETENTION_DAYS", "90", "Days after which delivered messages (their texts name people) and finished jobs are deleted; undelivered and pending ones stay. 1 to 3650.", false},
	{"WERKPLEK_RETRY_MAX_WAIT", "5m", "Longest wait between two tries of a message to a platform that answers errors (a Go duration, 1s to 1h): after an outage everything is delivered within about this long of the platform's return. A message is tried for 6 days, however many tries that takes.", false},
	{"WERKPLEK_JOB_TIMEOUT", "30", "Seconds a background job (one digest, one message's delivery) may run before it is cancelled and tried again; 1 to 3600.", false},
	{"WERKPLEK_JOB_RESCUE_AFTER", "45", "Seconds after which a job whose process stopped (a replica that was killed or lost its node) runs on another replica; more than WERKPLEK_JOB_TIMEOUT. Every replica looks every fifth of it (at most 10 s), so such a job runs again within this plus 11 s.", false},
	{"WERKPLEK_JOB_WORKERS", "", "Background jobs one process runs at once (message deliveries among them); default 10 on PostgreSQL, 2 on SQLite; 1 to 1000.", false},
	{"WERKPLEK_BOARD_GUESTS", "off", "on lets guests (extranet partners, and chat accounts not in the phonebook to read) see and post on the bulletin board (/board); on, off, aan or uit.", false},
	{"WERKPLEK_DIRECTORY_SYNC", "off", "Time of day (03:00, in WERKPLEK_TIMEZONE) at which Werkplek links the Slack and Mattermost users to the phonebook by email, daily, as `werkplek directory sync` does; on means 03:00, off none. The report goes to the log and the audit log.", false},
	{"WERKPLEK_OIDC_ISSUER", "", "OpenID Connect issuer of the organisation's own tenant for signing in on the web (https://login.microsoftonline.com/<tenant id>/v2.0, https://accounts.google.com, https://keycloak.example.nl/realms/<realm>); never a multi-tenant issuer such as .../common/v2.0. Needs WERKPLEK_PUBLIC_URL; the redirect URI to register is WERKPLEK_PUBLIC_URL/web/oidc/callback.", false},
	{"WERKPLEK_OIDC_CLIENT_ID", "", "Client id of Werkplek's app registration at the OpenID Connect provider.", false},
	{"WERKPLEK_OIDC_CLIENT_SECRET", "", "Client secret of that app registration.", true},
	{"WERKPLEK_SCIM_TOKEN", "", "Bearer token with which the identity provider (Entra ID, Okta) provisions people and teams over SCIM 2.0 at WERKPLEK_PUBLIC_URL/scim/v2/ (Entra ID's Secret Token); SCIM is off without it. At least 32 characters: make one with `openssl rand -base64 32`.", true},
	{"WERKPLEK_MEMORY_LIMIT", DefaultMemoryLimit, "Soft limit of serve's Go memory (heap and stacks; GOMEMLIMIT's syntax: 24MiB, 1GiB): near it the garbage collector works harder and gives memory back, so memory stays flat after load; off for none; GOMEMLIMIT, when set, wins.", false},
	{"SLACK_SIGNING_SECRET", "", "Slack app's signing secret; turns the Slack HTTP endpoints on.", true},
	{"SLACK_BOT_TOKEN", "", "Slack bot token (xoxb-…) for posting and looking up users.", true},
	{"SLACK_APP_TOKEN", "", "Slack app-level token (xapp-…); turns Socket Mode on (no public URL needed).", true},
	{"SLACK_API_URL", "https://slack.com/api/", "Slack Web API base address (for tests or an outbound proxy).", false},
	{"SLACK_MESSAGE_RATE", "100", "Messages a second one replica posts to the Slack workspace at most (besides one a second in a channel): Slack allows about 100 for a workspace, so with several replicas give each its share (34 for three); beyond it Slack answers 429 and the message waits for its Retry-After.", false},
	{"MATTERMOST_URL", "", "Mattermost server address; with MATTERMOST_BOT_TOKEN turns Mattermost on.", false},
	{"MATTERMOST_BOT_TOKEN", "", "Mattermost bot account's access token.", true},
	{"MATTERMOST_COMMAND_TOKENS", "", "Comma-separated tokens of slash commands an admin created by hand.", true},
	{"TEAMS_APP_ID", "", "Microsoft app id of the Teams bot; turns Teams on.", false},
	{"TEAMS_APP_PASSWORD", "", "Client secret of the Teams bot's app registration.", true},
	{"TEAMS_TENANT_ID", "", "Tenant of a single-tenant bot (outbound token endpoint).", false},
	{"TEAMS_OPENID_METADATA_URL", "https://login.botframework.com/v1/.well-known/openidconfiguration", "Where the Bot Framework's signing keys are published.", false},
	{"TEAMS_TOKEN_URL", "", "Token endpoint for the bot's own calls (default: from TEAMS_TENANT_ID).", false},
	{"TEAMS_AUTH", "on", "off turns Teams token checks off for the local Agents Playground; refused unless WERKPLEK_LISTEN is a loopback address.", false},
}

// DefaultDirectorySyncAt is when WERKPLEK_DIRECTORY_SYNC=on syncs: at night.
const DefaultDirectorySyncAt = when.Clock(3 * 60)

// LoadConfig reads the configuration through getenv and returns every
// problem at once, one clear line each.
func LoadConfig(getenv func(string) string) (Config, []string) {
	var problems []string
	get := func(name string) string {
		v := strings.TrimSpace(getenv(name))
		if f := strings.TrimSpace(getenv(name + "_FILE")); f != "" {
			b, err := os.ReadFile(f)
			if err != nil {
				problems = append(problems, fmt.Sprintf("%s_FILE: cannot read %s: %v", name, f, err))
				return ""
			}
			if v != "" {
				problems = append(problems, fmt.Sprintf("%s and %s_FILE are both set: use one", name, name))
			}
			v = strings.TrimSpace(string(b))
		}
		if v == "" {
			for _, s := range settings {
				if s.Name == name {
					return s.Default
				}
			}
		}
		return v
	}
	c := Config{
		DatabaseURL: get("WERKPLEK_DATABASE_URL"), Listen: get("WERKPLEK_LISTEN"), Language: strings.ToLower(get("WERKPLEK_LANGUAGE")),
		Timezone: get("WERKPLEK_TIMEZONE"), LogFormat: strings.ToLower(get("WERKPLEK_LOG_FORMAT")), PublicURL: strings.TrimRight(get("WERKPLEK_PUBLIC_URL"), "/"),
		Secret: get("WERKPLEK_SECRET"), QuietHours: strings.ToLower(get("WERKPLEK_QUIET_HOURS")),
		SlackSigningSecret: get("SLACK_SIGNING_SECRET"), SlackBotToken: get("SLACK_BOT_TOKEN"), SlackAppToken: get("SLACK_APP_TOKEN"), SlackAPIURL: get("SLACK_API_URL"),
		MattermostURL: strings.TrimRight(get("MATTERMOST_URL"), "/"), MattermostBotToken: get("MATTERMOST_BOT_TOKEN"),
		TeamsAppID: get("TEAMS_APP_ID"), TeamsAppPassword: get("TEAMS_APP_PASSWORD"), TeamsTenantID: get("TEAMS_TENANT_ID"),
		TeamsOpenIDMetadataURL: get("TEAMS_OPENID_METADATA_URL"), TeamsTokenURL: get("TEAMS_TOKEN_URL"), TeamsAuth: onOff(get("TEAMS_AUTH")),
		OIDCIssuer: strings.TrimRight(get("WERKPLEK_OIDC_ISSUER"), "/"), OIDCClientID: get("WERKPLEK_OIDC_CLIENT_ID"), OIDCClientSecret: get("WERKPLEK_OIDC_CLIENT_SECRET"),
		SCIMToken: get("WERKPLEK_SCIM_TOKEN"),
	}
	if limit, err := parseMemoryLimit(onOff(get("WERKPLEK_MEMORY_LIMIT"))); err == nil {
		c.MemoryLimit = limit
	} else {
		problems = append(problems, "WERKPLEK_MEMORY_LIMIT: "+err.Error())
	}
	switch v := onOff(get("WERKPLEK_DIRECTORY_SYNC")); v {
	case "off":
	case "on":
		c.DirectorySync, c.DirectorySyncAt = true, DefaultDirectorySyncAt
	default:
		at, err := when.ParseClock(v)
		if err != nil {
			problems = append(problems, fmt.Sprintf("WERKPLEK_DIRECTORY_SYNC: %q is not a time of day like 03:00, on or off", v))
		}
		c.DirectorySync, c.DirectorySyncAt = err == nil, at
	}
	if v, ok := intranet.ParseVisibility(get("WERKPLEK_PRIVACY_MOBILE")); ok {
		c.PrivacyMobile = v
	} else {
		problems = append(problems, fmt.Sprintf("WERKPLEK_PRIVACY_MOBILE: %q is not everyone, team or hidden (iedereen, team, verborgen)", get("WERKPLEK_PRIVACY_MOBILE")))
	}
	if f, err := intranet.ParsePartnerFields(get("WERKPLEK_PARTNER_FIELDS")); err == nil {
		c.PartnerFields = f
	} else {
		problems = append(problems, "WERKPLEK_PARTNER_FIELDS: "+err.Error())
	}
	if _, _, _, err := feature.ParseQuiet(c.QuietHours); err != nil {
		problems = append(problems, fmt.Sprintf("WERKPLEK_QUIET_HOURS: %q is not a time slot like 22:00-07:00, or off", c.QuietHours))
	}
	if v := get("WERKPLEK_RETENTION_DAYS"); v != "" {
		n, err := strconv.Atoi(v)
		if err != nil || n < 1 || n > 3650 {
			problems = append(problems, fmt.Sprintf("WERKPLEK_RETENTION_DAYS: %q is not a number of days from 1 to 3650", v))
		}
		c.RetentionDays = n
	}
	if v := get("WERKPLEK_RETRY_MAX_WAIT"); v != "" {
		d, err := time.ParseDuration(v)
		if err != nil || d < time.Second || d > time.Hour {
			problems = append(problems, fmt.Sprintf("WERKPLEK_RETRY_MAX_WAIT: %q is not a duration from 1s to 1h, e.g. 5m", v))
		}
		c.RetryMaxWait = d
	}
	c.JobTimeout = seconds(get, "WERKPLEK_JOB_TIMEOUT", 3600, &problems)
	c.JobRescueAfter = seconds(get, "WERKPLEK_JOB_RESCUE_AFTER", 7200, &problems)
	if c.JobTimeout > 0 && c.JobRescueAfter > 0 && c.JobRescueAfter <= c.JobTimeout {
		problems = append(problems, fmt.Sprintf("WERKPLEK_JOB_RESCUE_AFTER (%s) must be more than WERKPLEK_JOB_TIMEOUT (%s)", c.JobRescueAfter, c.JobTimeout))
	}
	if v := get("WERKPLEK_JOB_WORKERS"); v != "" {
		n, err := strconv.Atoi(v)
		if err != nil || n < 1 || n > 1000 {
			problems = append(problems, fmt.Sprintf("WERKPLEK_JOB_WORKERS: %q is not a number from 1 to 1000", v))
		}
		c.JobWorkers = n
	}
	if v := get("SLACK_MESSAGE_RATE"); v != "" {
		r, err := strconv.ParseFloat(strings.Replace(v, ",", ".", 1), 64)
		if err != nil || !(r >= 0.1 && r <= 10000) {
			problems = append(problems, fmt.Sprintf("SLACK_MESSAGE_RATE: %q is not a number of messages a second from 0.1 to 10000", v))
		}
		c.SlackMessageRate = r
	}
	for _, p := range strings.Split(get("WERKPLEK_DM_PLATFORMS"), ",") {
		switch pl := intranet.Platform(strings.ToLower(strings.TrimSpace(p))); pl {
		case "":
		case intranet.PlatformSlack, intranet.PlatformTeams, intranet.PlatformMattermost, intranet.PlatformConsole:
			c.DMPlatforms = append(c.DMPlatforms, pl)
		default:
			problems = append(problems, fmt.Sprintf("WERKPLEK_DM_PLATFORMS: %q is not slack, teams, mattermost or console", p))
		}
	}
	for _, t := range strings.Split(get("MATTERMOST_COMMAND_TOKENS"), ",") {
		if t = strings.TrimSpace(t); t != "" {
			c.MattermostCommandTokens = append(c.MattermostCommandTokens, t)
		}
	}

	if _, _, err := store.ParseURL(c.DatabaseURL); err != nil {
		problems = append(problems, "WERKPLEK_DATABASE_URL: "+err.Error())
	}
	if _, _, err := net.SplitHostPort(c.Listen); err != nil {
		problems = append(problems, fmt.Sprintf("WERKPLEK_LISTEN: %q is not HOST:PORT (e.g. :8080 or 127.0.0.1:8080)", c.Listen))
	}
	if c.Language != "nl" && c.Language != "en" {
		problems = append(problems, fmt.Sprintf("WERKPLEK_LANGUAGE: %q is not nl or en", c.Language))
	}
	loc, err := time.LoadLocation(c.Timezone)
	if err != nil {
		problems = append(problems, fmt.Sprintf("WERKPLEK_TIMEZONE: %q is not a time zone (e.g. Europe/Amsterdam)", c.Timezone))
	}
	c.Location = loc
	if c.LogFormat != "text" && c.LogFormat != "json" {
		problems = append(problems, fmt.Sprintf("WERKPLEK_LOG_FORMAT: %q is not text or json", c.LogFormat))
	}
	if c.PublicURL != "" {
		if u, err := url.Parse(c.PublicURL); err != nil || (u.Scheme != "https" && u.Scheme != "http") || u.Host == "" {
			problems = append(problems, fmt.Sprintf("WERKPLEK_PUBLIC_URL: %q is not an http(s) address", c.PublicURL))
		}
	}
	if (c.MattermostURL == "") != (c.MattermostBotToken == "") {
		problems = append(problems, "MATTERMOST_URL and MATTERMOST_BOT_TOKEN go together: set both or neither")
	}
	if c.MattermostURL != "" && c.Secret == "" {
		problems = append(problems, "WERKPLEK_SECRET is required with Mattermost (it signs the buttons)")
	}
	if c.MattermostURL != "" && c.PublicURL == "" {
		problems = append(problems, "WERKPLEK_PUBLIC_URL is required with Mattermost (its commands and buttons call Werkplek there)")
	}
	if c.SlackAppToken != "" && c.SlackBotToken == "" {
		problems = append(problems, "SLACK_APP_TOKEN (Socket Mode) needs SLACK_BOT_TOKEN too")
	}
	if c.OIDCIssuer != "" {
		if err := (web.OIDCConfig{Issuer: c.OIDCIssuer, ClientID: c.OIDCClientID, ClientSecret: c.OIDCClientSecret}).Validate(); err != nil {
			problems = append(problems, "WERKPLEK_OIDC_ISSUER: "+err.Error())
		}
		if c.OIDCClientID == "" || c.OIDCClientSecret == "" {
			problems = append(problems, "WERKPLEK_OIDC_ISSUER needs WERKPLEK_OIDC_CLIENT_ID and WERKPLEK_OIDC_CLIENT_SECRET")
		}
		if c.PublicURL == "" {
			problems = append(problems, "WERKPLEK_OIDC_ISSUER needs WERKPLEK_PUBLIC_URL (the provider sends people back to WERKPLEK_PUBLIC_URL/web/oidc/callback)")
		}
	}
	if c.SCIMToken != "" && len(c.SCIMToken) < 32 {
		problems = append(problems, "WERKPLEK_SCIM_TOKEN is shorter than 32 characters: make a long random one (openssl rand -base64 32)")
	}
	if c.TeamsAuth != "on" && c.TeamsAuth != "off" {
		problems = append(problems, fmt.Sprintf("TEAMS_AUTH: %q is not on or off", c.TeamsAuth))
	}
	if c.TeamsAuth == "off" && !loopback(c.Listen) {
		problems = append(problems, fmt.Sprintf("TEAMS_AUTH=off is only allowed on a loopback listener (WERKPLEK_LISTEN=127.0.0.1:8080), not %q", c.Listen))
	}
	if c.TeamsAppID != "" && c.TeamsAuth == "on" && c.TeamsAppPassword == "" {
		problems = append(problems, "TEAMS_APP_ID needs TEAMS_APP_PASSWORD (or TEAMS_AUTH=off for a local trial)")
	}
	return c, problems
}

// SlackOn, MattermostOn and TeamsOn say which platforms are configured.
func (c Config) SlackOn() bool      { return c.SlackSigningSecret != "" || c.SlackAppToken != "" }
func (c Config) MattermostOn() bool { return c.MattermostURL != "" && c.MattermostBotToken != "" }
func (c Config) TeamsOn() bool      { return c.TeamsAppID != "" || c.TeamsAuth == "off" }

func loopback(listen string) bool {
	host, _, err := net.SplitHostPort(listen)
	if err != nil {
		return false
	}
	if host == "localhost" {
		return true
	}
	ip := net.ParseIP(host)
	return ip != nil && ip.IsLoopback()
}

// onOff writes an on/off setting typed in either language (aan/uit,
// on/off, ja/nee, yes/no) as "on" or "off"; anything else stays as typed,
// for the check to name.
func onOff(v string) string {
	on, ok := grammar.ReadOnOff(v)
	switch {
	case !ok:
		return strings.ToLower(v)
	case on:
		return "on"
	}
	return "off"
}

// MaxMileageRate bounds WERKPLEK_MILEAGE_RATE: a value above it is a typo
// (cents for euro), not a rate.
const MaxMileageRate = 10.0

// mileageRate reads WERKPLEK_MILEAGE_RATE: euro per km, with a decimal
// point or comma, above 0 and at most MaxMileageRate;
// intranet.DefaultMileageRate when unset.
func (m *Main) mileageRate() (float64, error) {
	v := strings.TrimSpace(m.Getenv("WERKPLEK_MILEAGE_RATE"))
	if v == "" {
		return intranet.DefaultMileageRate, nil
	}
	r, err := strconv.ParseFloat(strings.Replace(v, ",", ".", 1), 64)
	if err != nil || !(r > 0 && r <= MaxMileageRate) {
		return 0, &exitError{code: 1, msg: fmt.Sprintf("werkplek: WERKPLEK_MILEAGE_RATE: %q is not an amount in euro per km above 0 and at most %g, e.g. 0.23", v, MaxMileageRate)}
	}
	return r, nil
}

// seconds reads a setting of whole seconds from 1 to most; unset is 0.
func seconds(get func(string) string, name string, most int, problems *[]string) time.Duration {
	v := get(name)
	if v == "" {
		return 0
	}
	n, err := strconv.Atoi(v)
	if err != nil || n < 1 || n > most {
		*problems = append(*problems, fmt.Sprintf("%s: %q is not a number of seconds from 1 to %d", name, v, most))
		return 0
	}
	return time.Duration(n) * time.Second
}
