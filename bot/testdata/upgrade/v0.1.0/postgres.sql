--
-- PostgreSQL database dump
--

\restrict w2rdi8mBoahNtab0gVCT3vKEacM90fAjFJm1v1XbfABPIDfiWmqIxavzMjosZuq

-- Dumped from database version 15.18 (Debian 15.18-0+deb12u1)
-- Dumped by pg_dump version 15.18 (Debian 15.18-0+deb12u1)

SET statement_timeout = 0;
SET lock_timeout = 0;
SET idle_in_transaction_session_timeout = 0;
SET client_encoding = 'UTF8';
SET standard_conforming_strings = on;
SELECT pg_catalog.set_config('search_path', '', false);
SET check_function_bodies = false;
SET xmloption = content;
SET client_min_messages = warning;
SET row_security = off;

--
-- Name: btree_gist; Type: EXTENSION; Schema: -; Owner: -
--

CREATE EXTENSION IF NOT EXISTS btree_gist WITH SCHEMA public;


--
-- Name: EXTENSION btree_gist; Type: COMMENT; Schema: -; Owner: -
--

COMMENT ON EXTENSION btree_gist IS 'support for indexing common datatypes in GiST';


--
-- Name: pg_trgm; Type: EXTENSION; Schema: -; Owner: -
--

CREATE EXTENSION IF NOT EXISTS pg_trgm WITH SCHEMA public;


--
-- Name: EXTENSION pg_trgm; Type: COMMENT; Schema: -; Owner: -
--

COMMENT ON EXTENSION pg_trgm IS 'text similarity measurement and index searching based on trigrams';


--
-- Name: river_job_state; Type: TYPE; Schema: public; Owner: -
--

CREATE TYPE public.river_job_state AS ENUM (
    'available',
    'cancelled',
    'completed',
    'discarded',
    'pending',
    'retryable',
    'running',
    'scheduled'
);


--
-- Name: river_job_state_in_bitmask(bit, public.river_job_state); Type: FUNCTION; Schema: public; Owner: -
--

CREATE FUNCTION public.river_job_state_in_bitmask(bitmask bit, state public.river_job_state) RETURNS boolean
    LANGUAGE sql IMMUTABLE
    AS $$
    SELECT CASE state
        WHEN 'available' THEN get_bit(bitmask, 7)
        WHEN 'cancelled' THEN get_bit(bitmask, 6)
        WHEN 'completed' THEN get_bit(bitmask, 5)
        WHEN 'discarded' THEN get_bit(bitmask, 4)
        WHEN 'pending'   THEN get_bit(bitmask, 3)
        WHEN 'retryable' THEN get_bit(bitmask, 2)
        WHEN 'running'   THEN get_bit(bitmask, 1)
        WHEN 'scheduled' THEN get_bit(bitmask, 0)
        ELSE 0
    END = 1;
$$;


SET default_tablespace = '';

SET default_table_access_method = heap;

--
-- Name: accounts; Type: TABLE; Schema: public; Owner: -
--

CREATE TABLE public.accounts (
    platform text NOT NULL,
    installation text NOT NULL,
    user_id text NOT NULL,
    user_name text DEFAULT ''::text NOT NULL,
    person_id bigint NOT NULL,
    guest boolean DEFAULT false NOT NULL,
    created_at timestamp with time zone NOT NULL
);


--
-- Name: bookings; Type: TABLE; Schema: public; Owner: -
--

CREATE TABLE public.bookings (
    id bigint NOT NULL,
    room_id bigint NOT NULL,
    person_id bigint NOT NULL,
    title text DEFAULT ''::text NOT NULL,
    starts_at timestamp with time zone NOT NULL,
    ends_at timestamp with time zone NOT NULL,
    during tstzrange GENERATED ALWAYS AS (tstzrange(starts_at, ends_at, '[)'::text)) STORED,
    series_id bigint,
    active boolean DEFAULT true NOT NULL,
    cancelled_at timestamp with time zone,
    created_at timestamp with time zone NOT NULL,
    CONSTRAINT bookings_order CHECK ((ends_at > starts_at))
);


--
-- Name: bookings_id_seq; Type: SEQUENCE; Schema: public; Owner: -
--

CREATE SEQUENCE public.bookings_id_seq
    START WITH 1
    INCREMENT BY 1
    NO MINVALUE
    NO MAXVALUE
    CACHE 1;


--
-- Name: bookings_id_seq; Type: SEQUENCE OWNED BY; Schema: public; Owner: -
--

ALTER SEQUENCE public.bookings_id_seq OWNED BY public.bookings.id;


--
-- Name: departments; Type: TABLE; Schema: public; Owner: -
--

CREATE TABLE public.departments (
    id bigint NOT NULL,
    name text NOT NULL,
    key text NOT NULL
);


--
-- Name: departments_id_seq; Type: SEQUENCE; Schema: public; Owner: -
--

CREATE SEQUENCE public.departments_id_seq
    START WITH 1
    INCREMENT BY 1
    NO MINVALUE
    NO MAXVALUE
    CACHE 1;


--
-- Name: departments_id_seq; Type: SEQUENCE OWNED BY; Schema: public; Owner: -
--

ALTER SEQUENCE public.departments_id_seq OWNED BY public.departments.id;


--
-- Name: feed_tokens; Type: TABLE; Schema: public; Owner: -
--

CREATE TABLE public.feed_tokens (
    feed text NOT NULL,
    token text NOT NULL,
    created_at timestamp with time zone NOT NULL
);


--
-- Name: handover_events; Type: TABLE; Schema: public; Owner: -
--

CREATE TABLE public.handover_events (
    id bigint NOT NULL,
    handover_id bigint NOT NULL,
    at timestamp with time zone NOT NULL,
    actor_id bigint,
    action text NOT NULL,
    state text NOT NULL
);


--
-- Name: handover_events_id_seq; Type: SEQUENCE; Schema: public; Owner: -
--

CREATE SEQUENCE public.handover_events_id_seq
    START WITH 1
    INCREMENT BY 1
    NO MINVALUE
    NO MAXVALUE
    CACHE 1;


--
-- Name: handover_events_id_seq; Type: SEQUENCE OWNED BY; Schema: public; Owner: -
--

ALTER SEQUENCE public.handover_events_id_seq OWNED BY public.handover_events.id;


--
-- Name: handover_posts; Type: TABLE; Schema: public; Owner: -
--

CREATE TABLE public.handover_posts (
    handover_id bigint NOT NULL,
    platform text NOT NULL,
    channel_id text NOT NULL,
    installation text DEFAULT ''::text NOT NULL,
    message_id text DEFAULT ''::text NOT NULL,
    outbox_id bigint
);


--
-- Name: handovers; Type: TABLE; Schema: public; Owner: -
--

CREATE TABLE public.handovers (
    id bigint NOT NULL,
    team_id bigint NOT NULL,
    requester_id bigint NOT NULL,
    taker_id bigint,
    starts_at timestamp with time zone NOT NULL,
    ends_at timestamp with time zone NOT NULL,
    what text NOT NULL,
    skill text DEFAULT ''::text NOT NULL,
    state text NOT NULL,
    lang text DEFAULT 'nl'::text NOT NULL,
    created_at timestamp with time zone NOT NULL,
    changed_at timestamp with time zone NOT NULL,
    CONSTRAINT handovers_check CHECK ((ends_at > starts_at))
);


--
-- Name: handovers_id_seq; Type: SEQUENCE; Schema: public; Owner: -
--

CREATE SEQUENCE public.handovers_id_seq
    START WITH 1
    INCREMENT BY 1
    NO MINVALUE
    NO MAXVALUE
    CACHE 1;


--
-- Name: handovers_id_seq; Type: SEQUENCE OWNED BY; Schema: public; Owner: -
--

ALTER SEQUENCE public.handovers_id_seq OWNED BY public.handovers.id;


--
-- Name: job_runs; Type: TABLE; Schema: public; Owner: -
--

CREATE TABLE public.job_runs (
    kind text NOT NULL,
    key text NOT NULL,
    due_at timestamp with time zone NOT NULL,
    ran_at timestamp with time zone NOT NULL
);


--
-- Name: job_schedules; Type: TABLE; Schema: public; Owner: -
--

CREATE TABLE public.job_schedules (
    kind text NOT NULL,
    key text NOT NULL,
    due_at timestamp with time zone NOT NULL,
    payload text DEFAULT ''::text NOT NULL,
    job_id bigint NOT NULL,
    updated_at timestamp with time zone NOT NULL
);


--
-- Name: mail; Type: TABLE; Schema: public; Owner: -
--

CREATE TABLE public.mail (
    id bigint NOT NULL,
    platform text NOT NULL,
    installation text NOT NULL,
    channel_id text DEFAULT ''::text NOT NULL,
    user_id text DEFAULT ''::text NOT NULL,
    reply text NOT NULL,
    replaced boolean DEFAULT false NOT NULL,
    created_at timestamp with time zone NOT NULL,
    read_at timestamp with time zone
);


--
-- Name: mail_id_seq; Type: SEQUENCE; Schema: public; Owner: -
--

CREATE SEQUENCE public.mail_id_seq
    START WITH 1
    INCREMENT BY 1
    NO MINVALUE
    NO MAXVALUE
    CACHE 1;


--
-- Name: mail_id_seq; Type: SEQUENCE OWNED BY; Schema: public; Owner: -
--

ALTER SEQUENCE public.mail_id_seq OWNED BY public.mail.id;


--
-- Name: outbox; Type: TABLE; Schema: public; Owner: -
--

CREATE TABLE public.outbox (
    id bigint NOT NULL,
    key text NOT NULL,
    platform text NOT NULL,
    installation text NOT NULL,
    channel_id text DEFAULT ''::text NOT NULL,
    user_id text DEFAULT ''::text NOT NULL,
    reply text NOT NULL,
    state text NOT NULL,
    attempts integer DEFAULT 0 NOT NULL,
    last_error text DEFAULT ''::text NOT NULL,
    message_id text DEFAULT ''::text NOT NULL,
    message_channel_id text DEFAULT ''::text NOT NULL,
    created_at timestamp with time zone NOT NULL,
    sent_at timestamp with time zone
);


--
-- Name: outbox_id_seq; Type: SEQUENCE; Schema: public; Owner: -
--

CREATE SEQUENCE public.outbox_id_seq
    START WITH 1
    INCREMENT BY 1
    NO MINVALUE
    NO MAXVALUE
    CACHE 1;


--
-- Name: outbox_id_seq; Type: SEQUENCE OWNED BY; Schema: public; Owner: -
--

ALTER SEQUENCE public.outbox_id_seq OWNED BY public.outbox.id;


--
-- Name: people; Type: TABLE; Schema: public; Owner: -
--

CREATE TABLE public.people (
    id bigint NOT NULL,
    name text NOT NULL,
    email text NOT NULL,
    phone text DEFAULT ''::text NOT NULL,
    mobile text DEFAULT ''::text NOT NULL,
    phone_key text DEFAULT ''::text NOT NULL,
    mobile_key text DEFAULT ''::text NOT NULL,
    phone_rev text DEFAULT ''::text NOT NULL,
    mobile_rev text DEFAULT ''::text NOT NULL,
    department_id bigint,
    title text DEFAULT ''::text NOT NULL,
    location text DEFAULT ''::text NOT NULL,
    manager_email text DEFAULT ''::text NOT NULL,
    skills text DEFAULT ''::text NOT NULL,
    roles text DEFAULT ''::text NOT NULL,
    language text DEFAULT ''::text NOT NULL,
    sort_key text NOT NULL COLLATE pg_catalog."C",
    created_at timestamp with time zone NOT NULL,
    updated_at timestamp with time zone NOT NULL
);


--
-- Name: people_id_seq; Type: SEQUENCE; Schema: public; Owner: -
--

CREATE SEQUENCE public.people_id_seq
    START WITH 1
    INCREMENT BY 1
    NO MINVALUE
    NO MAXVALUE
    CACHE 1;


--
-- Name: people_id_seq; Type: SEQUENCE OWNED BY; Schema: public; Owner: -
--

ALTER SEQUENCE public.people_id_seq OWNED BY public.people.id;


--
-- Name: person_terms; Type: TABLE; Schema: public; Owner: -
--

CREATE TABLE public.person_terms (
    term text NOT NULL COLLATE pg_catalog."C",
    person_id bigint NOT NULL,
    display text NOT NULL,
    field text NOT NULL,
    weight double precision NOT NULL,
    sort_key text NOT NULL COLLATE pg_catalog."C",
    department_id bigint
);


--
-- Name: river_job; Type: TABLE; Schema: public; Owner: -
--

CREATE TABLE public.river_job (
    id bigint NOT NULL,
    state public.river_job_state DEFAULT 'available'::public.river_job_state NOT NULL,
    attempt smallint DEFAULT 0 NOT NULL,
    max_attempts smallint DEFAULT 25 NOT NULL,
    attempted_at timestamp with time zone,
    created_at timestamp with time zone DEFAULT now() NOT NULL,
    finalized_at timestamp with time zone,
    scheduled_at timestamp with time zone DEFAULT now() NOT NULL,
    priority smallint DEFAULT 1 NOT NULL,
    args jsonb NOT NULL,
    attempted_by text[],
    errors jsonb[],
    kind text NOT NULL,
    metadata jsonb DEFAULT '{}'::jsonb NOT NULL,
    queue text DEFAULT 'default'::text NOT NULL,
    tags character varying(255)[] DEFAULT '{}'::character varying[] NOT NULL,
    unique_key bytea,
    unique_states bit(8),
    CONSTRAINT finalized_or_finalized_at_null CHECK ((((finalized_at IS NULL) AND (state <> ALL (ARRAY['cancelled'::public.river_job_state, 'completed'::public.river_job_state, 'discarded'::public.river_job_state]))) OR ((finalized_at IS NOT NULL) AND (state = ANY (ARRAY['cancelled'::public.river_job_state, 'completed'::public.river_job_state, 'discarded'::public.river_job_state]))))),
    CONSTRAINT kind_length CHECK (((char_length(kind) > 0) AND (char_length(kind) < 128))),
    CONSTRAINT max_attempts_is_positive CHECK ((max_attempts > 0)),
    CONSTRAINT priority_in_range CHECK (((priority >= 1) AND (priority <= 4))),
    CONSTRAINT queue_length CHECK (((char_length(queue) > 0) AND (char_length(queue) < 128)))
);


--
-- Name: river_job_id_seq; Type: SEQUENCE; Schema: public; Owner: -
--

CREATE SEQUENCE public.river_job_id_seq
    START WITH 1
    INCREMENT BY 1
    NO MINVALUE
    NO MAXVALUE
    CACHE 1;


--
-- Name: river_job_id_seq; Type: SEQUENCE OWNED BY; Schema: public; Owner: -
--

ALTER SEQUENCE public.river_job_id_seq OWNED BY public.river_job.id;


--
-- Name: river_leader; Type: TABLE; Schema: public; Owner: -
--

CREATE UNLOGGED TABLE public.river_leader (
    elected_at timestamp with time zone NOT NULL,
    expires_at timestamp with time zone NOT NULL,
    leader_id text NOT NULL,
    name text DEFAULT 'default'::text NOT NULL,
    CONSTRAINT leader_id_length CHECK (((char_length(leader_id) > 0) AND (char_length(leader_id) < 128))),
    CONSTRAINT name_length CHECK ((name = 'default'::text))
);


--
-- Name: river_migration; Type: TABLE; Schema: public; Owner: -
--

CREATE TABLE public.river_migration (
    line text NOT NULL,
    version bigint NOT NULL,
    created_at timestamp with time zone DEFAULT now() NOT NULL,
    CONSTRAINT line_length CHECK (((char_length(line) > 0) AND (char_length(line) < 128))),
    CONSTRAINT version_gte_1 CHECK ((version >= 1))
);


--
-- Name: river_notification; Type: TABLE; Schema: public; Owner: -
--

CREATE TABLE public.river_notification (
    id bigint NOT NULL,
    created_at timestamp with time zone DEFAULT now() NOT NULL,
    payload text NOT NULL,
    topic text NOT NULL,
    CONSTRAINT topic_length CHECK (((length(topic) > 0) AND (length(topic) < 128)))
);


--
-- Name: river_notification_id_seq; Type: SEQUENCE; Schema: public; Owner: -
--

CREATE SEQUENCE public.river_notification_id_seq
    START WITH 1
    INCREMENT BY 1
    NO MINVALUE
    NO MAXVALUE
    CACHE 1;


--
-- Name: river_notification_id_seq; Type: SEQUENCE OWNED BY; Schema: public; Owner: -
--

ALTER SEQUENCE public.river_notification_id_seq OWNED BY public.river_notification.id;


--
-- Name: river_queue; Type: TABLE; Schema: public; Owner: -
--

CREATE TABLE public.river_queue (
    name text NOT NULL,
    created_at timestamp with time zone DEFAULT now() NOT NULL,
    metadata jsonb DEFAULT '{}'::jsonb NOT NULL,
    paused_at timestamp with time zone,
    updated_at timestamp with time zone DEFAULT CURRENT_TIMESTAMP NOT NULL
);


--
-- Name: rooms; Type: TABLE; Schema: public; Owner: -
--

CREATE TABLE public.rooms (
    id bigint NOT NULL,
    name text NOT NULL,
    key text NOT NULL,
    location text DEFAULT ''::text NOT NULL,
    capacity integer DEFAULT 0 NOT NULL,
    facilities text DEFAULT ''::text NOT NULL,
    opens integer DEFAULT 0 NOT NULL,
    closes integer DEFAULT 1440 NOT NULL,
    retired_at timestamp with time zone,
    created_at timestamp with time zone NOT NULL,
    updated_at timestamp with time zone NOT NULL
);


--
-- Name: rooms_id_seq; Type: SEQUENCE; Schema: public; Owner: -
--

CREATE SEQUENCE public.rooms_id_seq
    START WITH 1
    INCREMENT BY 1
    NO MINVALUE
    NO MAXVALUE
    CACHE 1;


--
-- Name: rooms_id_seq; Type: SEQUENCE OWNED BY; Schema: public; Owner: -
--

ALTER SEQUENCE public.rooms_id_seq OWNED BY public.rooms.id;


--
-- Name: schema_migrations; Type: TABLE; Schema: public; Owner: -
--

CREATE TABLE public.schema_migrations (
    version integer NOT NULL,
    name text NOT NULL,
    applied_at timestamp with time zone NOT NULL
);


--
-- Name: search_terms; Type: TABLE; Schema: public; Owner: -
--

CREATE TABLE public.search_terms (
    term text NOT NULL COLLATE pg_catalog."C",
    display text NOT NULL,
    people integer NOT NULL
);


--
-- Name: skills; Type: TABLE; Schema: public; Owner: -
--

CREATE TABLE public.skills (
    term text NOT NULL COLLATE pg_catalog."C",
    name text NOT NULL
);


--
-- Name: states; Type: TABLE; Schema: public; Owner: -
--

CREATE TABLE public.states (
    namespace text NOT NULL,
    key text NOT NULL,
    value text NOT NULL,
    updated_at timestamp with time zone NOT NULL
);


--
-- Name: team_channels; Type: TABLE; Schema: public; Owner: -
--

CREATE TABLE public.team_channels (
    platform text NOT NULL,
    channel_id text NOT NULL,
    installation text DEFAULT ''::text NOT NULL,
    team_id bigint NOT NULL
);


--
-- Name: team_members; Type: TABLE; Schema: public; Owner: -
--

CREATE TABLE public.team_members (
    team_id bigint NOT NULL,
    person_id bigint NOT NULL,
    is_member boolean DEFAULT false NOT NULL,
    is_lead boolean DEFAULT false NOT NULL
);


--
-- Name: teams; Type: TABLE; Schema: public; Owner: -
--

CREATE TABLE public.teams (
    id bigint NOT NULL,
    name text NOT NULL,
    key text NOT NULL,
    department_id bigint,
    approval boolean DEFAULT false NOT NULL,
    created_at timestamp with time zone NOT NULL
);


--
-- Name: teams_id_seq; Type: SEQUENCE; Schema: public; Owner: -
--

CREATE SEQUENCE public.teams_id_seq
    START WITH 1
    INCREMENT BY 1
    NO MINVALUE
    NO MAXVALUE
    CACHE 1;


--
-- Name: teams_id_seq; Type: SEQUENCE OWNED BY; Schema: public; Owner: -
--

ALTER SEQUENCE public.teams_id_seq OWNED BY public.teams.id;


--
-- Name: bookings id; Type: DEFAULT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.bookings ALTER COLUMN id SET DEFAULT nextval('public.bookings_id_seq'::regclass);


--
-- Name: departments id; Type: DEFAULT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.departments ALTER COLUMN id SET DEFAULT nextval('public.departments_id_seq'::regclass);


--
-- Name: handover_events id; Type: DEFAULT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.handover_events ALTER COLUMN id SET DEFAULT nextval('public.handover_events_id_seq'::regclass);


--
-- Name: handovers id; Type: DEFAULT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.handovers ALTER COLUMN id SET DEFAULT nextval('public.handovers_id_seq'::regclass);


--
-- Name: mail id; Type: DEFAULT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.mail ALTER COLUMN id SET DEFAULT nextval('public.mail_id_seq'::regclass);


--
-- Name: outbox id; Type: DEFAULT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.outbox ALTER COLUMN id SET DEFAULT nextval('public.outbox_id_seq'::regclass);


--
-- Name: people id; Type: DEFAULT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.people ALTER COLUMN id SET DEFAULT nextval('public.people_id_seq'::regclass);


--
-- Name: river_job id; Type: DEFAULT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.river_job ALTER COLUMN id SET DEFAULT nextval('public.river_job_id_seq'::regclass);


--
-- Name: river_notification id; Type: DEFAULT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.river_notification ALTER COLUMN id SET DEFAULT nextval('public.river_notification_id_seq'::regclass);


--
-- Name: rooms id; Type: DEFAULT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.rooms ALTER COLUMN id SET DEFAULT nextval('public.rooms_id_seq'::regclass);


--
-- Name: teams id; Type: DEFAULT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.teams ALTER COLUMN id SET DEFAULT nextval('public.teams_id_seq'::regclass);


--
-- Data for Name: accounts; Type: TABLE DATA; Schema: public; Owner: -
--

COPY public.accounts (platform, installation, user_id, user_name, person_id, guest, created_at) FROM stdin;
console	local	jan.devries@example.nl	jan.devries@example.nl	2	f	2026-11-27 17:48:09.002993+00
\.


--
-- Data for Name: bookings; Type: TABLE DATA; Schema: public; Owner: -
--

COPY public.bookings (id, room_id, person_id, title, starts_at, ends_at, series_id, active, cancelled_at, created_at) FROM stdin;
1	1	2	Overleg	2026-11-28 09:00:00+00	2026-11-28 10:00:00+00	\N	t	\N	2026-11-27 17:48:09+00
\.


--
-- Data for Name: departments; Type: TABLE DATA; Schema: public; Owner: -
--

COPY public.departments (id, name, key) FROM stdin;
1	Zorg Oost	zorgoost
2	Planning	planning
3	ICT	ict
4	Buitendienst	buitendienst
5	Directie	directie
6	Zorg West	zorgwest
7	Zorg Noord	zorgnoord
8	Thuiszorg Houten	thuiszorghouten
9	Winkel Centrum	winkelcentrum
10	HR	hr
11	Communicatie	communicatie
12	Facilitair	facilitair
13	Financiën	financien
14	Extern	extern
\.


--
-- Data for Name: feed_tokens; Type: TABLE DATA; Schema: public; Owner: -
--

COPY public.feed_tokens (feed, token, created_at) FROM stdin;
\.


--
-- Data for Name: handover_events; Type: TABLE DATA; Schema: public; Owner: -
--

COPY public.handover_events (id, handover_id, at, actor_id, action, state) FROM stdin;
1	1	2026-11-27 17:48:09+00	2	created	open
\.


--
-- Data for Name: handover_posts; Type: TABLE DATA; Schema: public; Owner: -
--

COPY public.handover_posts (handover_id, platform, channel_id, installation, message_id, outbox_id) FROM stdin;
1	console	zorg-oost	local		1
\.


--
-- Data for Name: handovers; Type: TABLE DATA; Schema: public; Owner: -
--

COPY public.handovers (id, team_id, requester_id, taker_id, starts_at, ends_at, what, skill, state, lang, created_at, changed_at) FROM stdin;
1	1	2	\N	2026-11-29 13:00:00+00	2026-11-29 21:00:00+00	Pool Noord		open	nl	2026-11-27 17:48:09+00	2026-11-27 17:48:09+00
\.


--
-- Data for Name: job_runs; Type: TABLE DATA; Schema: public; Owner: -
--

COPY public.job_runs (kind, key, due_at, ran_at) FROM stdin;
\.


--
-- Data for Name: job_schedules; Type: TABLE DATA; Schema: public; Owner: -
--

COPY public.job_schedules (kind, key, due_at, payload, job_id, updated_at) FROM stdin;
booking.reminder	booking:1	2026-11-28 08:50:00+00		1	2026-11-27 17:48:09.017812+00
handover.expire	handover:1	2026-11-29 13:00:00+00		2	2026-11-27 17:48:09.037683+00
handover.remind	handover:1	2026-11-29 01:00:00+00		3	2026-11-27 17:48:09.039523+00
\.


--
-- Data for Name: mail; Type: TABLE DATA; Schema: public; Owner: -
--

COPY public.mail (id, platform, installation, channel_id, user_id, reply, replaced, created_at, read_at) FROM stdin;
\.


--
-- Data for Name: outbox; Type: TABLE DATA; Schema: public; Owner: -
--

COPY public.outbox (id, key, platform, installation, channel_id, user_id, reply, state, attempts, last_error, message_id, message_channel_id, created_at, sent_at) FROM stdin;
1	handover-1-card-console-zorg-oost	console	local	zorg-oost		{"visibility":"in_channel","lang":"nl","title":"Dienst over te nemen: Pool Noord","text":"Jan de Vries vraagt of iemand van Zorg Oost deze dienst overneemt. Wie het eerst drukt, krijgt hem.","sections":[{"fields":[{"label":"Gevraagd door","value":"Jan de Vries"},{"label":"Dienst","value":"zo 29 nov 2026 14:00–22:00"},{"label":"Wat","value":"Pool Noord"},{"label":"Team","value":"Zorg Oost"}]}],"buttons":[{"label":"Ik neem hem","style":"primary","command":"/handover take 1"},{"label":"Annuleren","style":"danger","command":"/handover cancel 1","confirm":{"title":"Verzoek annuleren?","text":"Alleen wie het vroeg kan annuleren.","confirm":"Annuleren","deny":"Terug"}}],"context":["Overdracht 1"]}	pending	0				2026-11-27 17:48:09.040058+00	\N
\.


--
-- Data for Name: people; Type: TABLE DATA; Schema: public; Owner: -
--

COPY public.people (id, name, email, phone, mobile, phone_key, mobile_key, phone_rev, mobile_rev, department_id, title, location, manager_email, skills, roles, language, sort_key, created_at, updated_at) FROM stdin;
1	Anouk van den Berg	anouk.vandenberg@example.nl	030-2001000	06-10000001	31302001000	31610000001	00010020313	10000001613	1	Teamleider	Utrecht	marieke.terhorst@example.nl	Wondzorg;Planning	team lead		berg anouk van den	2026-11-27 17:48:08.748814+00	2026-11-27 17:48:08.748814+00
2	Jan de Vries	jan.devries@example.nl	030-2001001	06-12345678	31302001001	31612345678	10010020313	87654321613	1	Wijkverpleegkundige	Utrecht	anouk.vandenberg@example.nl	Wondzorg;EHBO;Palliatieve zorg	employee;admin		vries jan de	2026-11-27 17:48:08.748814+00	2026-11-27 17:48:08.748814+00
3	Anna Bakker	anna.bakker@example.nl		06-10000003		31610000003		30000001613	1	Verzorgende IG	Utrecht	anouk.vandenberg@example.nl	Medicatie;Tilliften			bakker anna	2026-11-27 17:48:08.748814+00	2026-11-27 17:48:08.748814+00
4	Pieter Jansen	pieter.jansen@example.nl	030-2001004	06-10000004	31302001004	31610000004	40010020313	40000001613	1	Wijkverpleegkundige	Utrecht	anouk.vandenberg@example.nl	Wondzorg;Diabetes			jansen pieter	2026-11-27 17:48:08.748814+00	2026-11-27 17:48:08.748814+00
5	Eva de Boer	eva.deboer@example.nl		06-10000005		31610000005		50000001613	2	Planner	Utrecht	marieke.terhorst@example.nl	Planning;Excel			boer eva de	2026-11-27 17:48:08.748814+00	2026-11-27 17:48:08.748814+00
6	Sanne Müller	sanne.muller@example.nl		06-10000006		31610000006		60000001613	3	Ontwikkelaar	Utrecht	marieke.terhorst@example.nl	Go;PostgreSQL			muller sanne	2026-11-27 17:48:08.748814+00	2026-11-27 17:48:08.748814+00
7	Bjørn Hansen	bjorn.hansen@example.nl		06-10000007		31610000007		70000001613	4	Servicemonteur	Zeist	marieke.terhorst@example.nl	Tilliften;Rijbewijs B;Duits			hansen bjorn	2026-11-27 17:48:08.748814+00	2026-11-27 17:48:08.748814+00
8	Marieke ter Horst	marieke.terhorst@example.nl	030-2000000	06-10000000	31302000000	31610000000	00000020313	00000001613	5	Directeur-bestuurder	Utrecht			admin;content manager		horst marieke ter	2026-11-27 17:48:08.748814+00	2026-11-27 17:48:08.748814+00
9	Lieke Bakker	lieke.bakker@example.nl	030-2100101	06-20799819	31302100101	31620799819	10100120313	91899702613	1	Helpende	Utrecht	anouk.vandenberg@example.nl	Dementie;Wondzorg			bakker lieke	2026-11-27 17:48:08.748814+00	2026-11-27 17:48:08.748814+00
10	Eva Jansen	eva.jansen@example.nl	030-2100102	06-20807738	31302100102	31620807738	20100120313	83770802613	1	Verzorgende IG	Utrecht	anouk.vandenberg@example.nl	Dementie;Medicatie			jansen eva	2026-11-27 17:48:08.748814+00	2026-11-27 17:48:08.748814+00
11	Maarten van der Meer	maarten.vandermeer@example.nl		06-20815657		31620815657		75651802613	1	Helpende	Utrecht	anouk.vandenberg@example.nl	Medicatie;Dementie			meer maarten van der	2026-11-27 17:48:08.748814+00	2026-11-27 17:48:08.748814+00
12	Lieke de Wit	lieke.dewit@example.nl		06-20823576		31620823576		67532802613	1	Helpende	Utrecht	anouk.vandenberg@example.nl	Dementie;Tilliften			wit lieke de	2026-11-27 17:48:08.748814+00	2026-11-27 17:48:08.748814+00
13	Chloë Dijkstra	chloe.dijkstra@example.nl	030-2100105	06-20831495	31302100105	31620831495	50100120313	59413802613	1	Verzorgende IG	Utrecht	anouk.vandenberg@example.nl	Wondzorg;Palliatieve zorg			dijkstra chloe	2026-11-27 17:48:08.748814+00	2026-11-27 17:48:08.748814+00
14	Bjørn de Jong	bjorn.dejong@example.nl		06-20839414		31620839414		41493802613	1	Helpende	Utrecht	anouk.vandenberg@example.nl	Palliatieve zorg			jong bjorn de	2026-11-27 17:48:08.748814+00	2026-11-27 17:48:08.748814+00
15	Femke de Vries	femke.devries@example.nl		06-20847333		31620847333		33374802613	1	Wijkverpleegkundige	Utrecht	anouk.vandenberg@example.nl	Dementie			vries femke de	2026-11-27 17:48:08.748814+00	2026-11-27 17:48:08.748814+00
16	Sanne van Dijk	sanne.vandijk@example.nl	030-2100108	06-20855252	31302100108	31620855252	80100120313	25255802613	1	Verzorgende IG	Utrecht	anouk.vandenberg@example.nl	Tilliften;Wondzorg			dijk sanne van	2026-11-27 17:48:08.748814+00	2026-11-27 17:48:08.748814+00
17	Gijs de Jong	gijs.dejong@example.nl		06-20863171		31620863171		17136802613	1	Helpende	Utrecht	anouk.vandenberg@example.nl	Medicatie			jong gijs de	2026-11-27 17:48:08.748814+00	2026-11-27 17:48:08.748814+00
18	Lieke van den Berg	lieke.vandenberg@example.nl	030-2100110	06-20871090	31302100110	31620871090	01100120313	09017802613	1	Wijkverpleegkundige	Utrecht	anouk.vandenberg@example.nl	Medicatie;Tilliften			berg lieke van den	2026-11-27 17:48:08.748814+00	2026-11-27 17:48:08.748814+00
19	Niels van den Heuvel	niels.vandenheuvel@example.nl		06-20879009		31620879009		90097802613	1	Wijkverpleegkundige	Utrecht	anouk.vandenberg@example.nl	Wondzorg			heuvel niels van den	2026-11-27 17:48:08.748814+00	2026-11-27 17:48:08.748814+00
20	Marieke van der Veen	marieke.vanderveen@example.nl	030-2100112	06-20886928	31302100112	31620886928	21100120313	82968802613	1	Wijkverpleegkundige	Utrecht	anouk.vandenberg@example.nl	Medicatie;Wondzorg			veen marieke van der	2026-11-27 17:48:08.748814+00	2026-11-27 17:48:08.748814+00
21	Thijs Bakker	thijs.bakker@example.nl		06-20894847		31620894847		74849802613	1	Helpende	Utrecht	anouk.vandenberg@example.nl	Tilliften;Medicatie			bakker thijs	2026-11-27 17:48:08.748814+00	2026-11-27 17:48:08.748814+00
22	Annelies Brouwer	annelies.brouwer@example.nl		06-20902766		31620902766		66720902613	1	Verzorgende IG	Utrecht	anouk.vandenberg@example.nl	Wondzorg			brouwer annelies	2026-11-27 17:48:08.748814+00	2026-11-27 17:48:08.748814+00
23	Joost van den Heuvel	joost.vandenheuvel@example.nl	030-2100115	06-20910685	31302100115	31620910685	51100120313	58601902613	1	Verzorgende IG	Utrecht	anouk.vandenberg@example.nl	Wondzorg;Dementie			heuvel joost van den	2026-11-27 17:48:08.748814+00	2026-11-27 17:48:08.748814+00
24	Ingrid van den Broek	ingrid.vandenbroek@example.nl		06-20918604		31620918604		40681902613	1	Verzorgende IG	Utrecht	anouk.vandenberg@example.nl	Medicatie;Dementie			broek ingrid van den	2026-11-27 17:48:08.748814+00	2026-11-27 17:48:08.748814+00
25	Julia van Leeuwen	julia.vanleeuwen@example.nl		06-20926523		31620926523		32562902613	1	Helpende	Utrecht	anouk.vandenberg@example.nl	Wondzorg			leeuwen julia van	2026-11-27 17:48:08.748814+00	2026-11-27 17:48:08.748814+00
26	Marieke Meijer	marieke.meijer@example.nl		06-20934442		31620934442		24443902613	1	Verzorgende IG	Utrecht	anouk.vandenberg@example.nl	Tilliften			meijer marieke	2026-11-27 17:48:08.748814+00	2026-11-27 17:48:08.748814+00
27	Koen van den Broek	koen.vandenbroek@example.nl		06-20942361		31620942361		16324902613	1	Helpende	Utrecht	anouk.vandenberg@example.nl	Tilliften			broek koen van den	2026-11-27 17:48:08.748814+00	2026-11-27 17:48:08.748814+00
28	Iris Bakker	iris.bakker@example.nl	030-2100120	06-20950280	31302100120	31620950280	02100120313	08205902613	1	Wijkverpleegkundige	Utrecht	anouk.vandenberg@example.nl	Palliatieve zorg			bakker iris	2026-11-27 17:48:08.748814+00	2026-11-27 17:48:08.748814+00
29	Henk Smit	henk.smit@example.nl		06-20958199		31620958199		99185902613	1	Helpende	Utrecht	anouk.vandenberg@example.nl	Dementie;Wondzorg			smit henk	2026-11-27 17:48:08.748814+00	2026-11-27 17:48:08.748814+00
30	Hüseyin Mulder	huseyin.mulder@example.nl	030-2100122	06-20966118	31302100122	31620966118	22100120313	81166902613	1	Wijkverpleegkundige	Utrecht	anouk.vandenberg@example.nl	Wondzorg			mulder huseyin	2026-11-27 17:48:08.748814+00	2026-11-27 17:48:08.748814+00
31	Esther Müller	esther.muller@example.nl		06-20974037		31620974037		73047902613	1	Wijkverpleegkundige	Utrecht	anouk.vandenberg@example.nl	Wondzorg			muller esther	2026-11-27 17:48:08.748814+00	2026-11-27 17:48:08.748814+00
32	Wietske Mulder	wietske.mulder@example.nl		06-20981956		31620981956		65918902613	1	Helpende	Utrecht	anouk.vandenberg@example.nl	Palliatieve zorg;Tilliften			mulder wietske	2026-11-27 17:48:08.748814+00	2026-11-27 17:48:08.748814+00
33	Tess van Beek	tess.vanbeek@example.nl		06-20989875		31620989875		57898902613	1	Verzorgende IG	Utrecht	anouk.vandenberg@example.nl	Dementie;Wondzorg			beek tess van	2026-11-27 17:48:08.748814+00	2026-11-27 17:48:08.748814+00
34	Renée de Graaf	renee.degraaf@example.nl		06-20997794		31620997794		49779902613	1	Helpende	Utrecht	anouk.vandenberg@example.nl	Medicatie;Wondzorg			graaf renee de	2026-11-27 17:48:08.748814+00	2026-11-27 17:48:08.748814+00
35	Milan van Leeuwen	milan.vanleeuwen@example.nl	030-2100127	06-21005713	31302100127	31621005713	72100120313	31750012613	1	Verzorgende IG	Utrecht	anouk.vandenberg@example.nl	Medicatie;Wondzorg			leeuwen milan van	2026-11-27 17:48:08.748814+00	2026-11-27 17:48:08.748814+00
36	Julia Bakker	julia.bakker@example.nl		06-21013632		31621013632		23631012613	1	Verzorgende IG	Utrecht	anouk.vandenberg@example.nl	Palliatieve zorg			bakker julia	2026-11-27 17:48:08.748814+00	2026-11-27 17:48:08.748814+00
37	Julia Mulder	julia.mulder@example.nl	030-2100129	06-21021551	31302100129	31621021551	92100120313	15512012613	1	Wijkverpleegkundige	Utrecht	anouk.vandenberg@example.nl	Dementie			mulder julia	2026-11-27 17:48:08.748814+00	2026-11-27 17:48:08.748814+00
38	Maarten van den Berg	maarten.vandenberg@example.nl		06-21029470		31621029470		07492012613	1	Helpende	Utrecht	anouk.vandenberg@example.nl	Palliatieve zorg;Wondzorg			berg maarten van den	2026-11-27 17:48:08.748814+00	2026-11-27 17:48:08.748814+00
39	Tess Jansen	tess.jansen@example.nl		06-21037389		31621037389		98373012613	1	Helpende	Utrecht	anouk.vandenberg@example.nl	Medicatie;Dementie			jansen tess	2026-11-27 17:48:08.748814+00	2026-11-27 17:48:08.748814+00
40	Iris van der Meer	iris.vandermeer@example.nl		06-21045308		31621045308		80354012613	1	Wijkverpleegkundige	Utrecht	anouk.vandenberg@example.nl	Palliatieve zorg			meer iris van der	2026-11-27 17:48:08.748814+00	2026-11-27 17:48:08.748814+00
41	Hüseyin Meijer	huseyin.meijer@example.nl		06-21053227		31621053227		72235012613	1	Wijkverpleegkundige	Utrecht	anouk.vandenberg@example.nl	Medicatie			meijer huseyin	2026-11-27 17:48:08.748814+00	2026-11-27 17:48:08.748814+00
42	Ingrid de Jong	ingrid.dejong@example.nl	030-2100134	06-21061146	31302100134	31621061146	43100120313	64116012613	1	Verzorgende IG	Utrecht	anouk.vandenberg@example.nl	Wondzorg;Medicatie			jong ingrid de	2026-11-27 17:48:08.748814+00	2026-11-27 17:48:08.748814+00
43	Noor van der Linden	noor.vanderlinden@example.nl		06-21069065		31621069065		56096012613	6	Teamleider	Woerden	marieke.terhorst@example.nl	Medicatie;Diabetes	team lead		linden noor van der	2026-11-27 17:48:08.748814+00	2026-11-27 17:48:08.748814+00
44	Renée Jansen	renee.jansen@example.nl	030-2100136	06-21076984	31302100136	31621076984	63100120313	48967012613	6	Wijkverpleegkundige	Woerden	noor.vanderlinden@example.nl	Tilliften;Wondzorg			jansen renee	2026-11-27 17:48:08.748814+00	2026-11-27 17:48:08.748814+00
45	Sietske Meijer	sietske.meijer@example.nl		06-21084903		31621084903		30948012613	6	Helpende	Woerden	noor.vanderlinden@example.nl	Medicatie;Tilliften			meijer sietske	2026-11-27 17:48:08.748814+00	2026-11-27 17:48:08.748814+00
46	Ruben Hoekstra	ruben.hoekstra@example.nl		06-21092822		31621092822		22829012613	6	Verzorgende IG	Woerden	noor.vanderlinden@example.nl	Medicatie;Wondzorg			hoekstra ruben	2026-11-27 17:48:08.748814+00	2026-11-27 17:48:08.748814+00
47	Anna Hendriks	anna.hendriks@example.nl		06-21100741		31621100741		14700112613	6	Verzorgende IG	Woerden	noor.vanderlinden@example.nl	Diabetes			hendriks anna	2026-11-27 17:48:08.748814+00	2026-11-27 17:48:08.748814+00
48	Sanne Mulder	sanne.mulder@example.nl	030-2100140	06-21108660	31302100140	31621108660	04100120313	06680112613	6	Helpende	Woerden	noor.vanderlinden@example.nl	Diabetes			mulder sanne	2026-11-27 17:48:08.748814+00	2026-11-27 17:48:08.748814+00
49	Iris van den Berg	iris.vandenberg@example.nl	030-2100141	06-21116579	31302100141	31621116579	14100120313	97561112613	6	Verzorgende IG	Woerden	noor.vanderlinden@example.nl	Tilliften			berg iris van den	2026-11-27 17:48:08.748814+00	2026-11-27 17:48:08.748814+00
50	Thijs Visser	thijs.visser@example.nl	030-2100142	06-21124498	31302100142	31621124498	24100120313	89442112613	6	Wijkverpleegkundige	Woerden	noor.vanderlinden@example.nl	Wondzorg;Diabetes			visser thijs	2026-11-27 17:48:08.748814+00	2026-11-27 17:48:08.748814+00
51	Roos van der Linden	roos.vanderlinden@example.nl		06-21132417		31621132417		71423112613	6	Helpende	Woerden	noor.vanderlinden@example.nl	Wondzorg;Tilliften			linden roos van der	2026-11-27 17:48:08.748814+00	2026-11-27 17:48:08.748814+00
52	Ruben de Vries	ruben.devries@example.nl		06-21140336		31621140336		63304112613	6	Wijkverpleegkundige	Woerden	noor.vanderlinden@example.nl	Tilliften			vries ruben de	2026-11-27 17:48:08.748814+00	2026-11-27 17:48:08.748814+00
53	Milan El Amrani	milan.elamrani@example.nl		06-21148255		31621148255		55284112613	6	Wijkverpleegkundige	Woerden	noor.vanderlinden@example.nl	Diabetes			el amrani milan	2026-11-27 17:48:08.748814+00	2026-11-27 17:48:08.748814+00
54	Milan Vermeulen	milan.vermeulen@example.nl		06-21156174		31621156174		47165112613	6	Helpende	Woerden	noor.vanderlinden@example.nl	Diabetes			vermeulen milan	2026-11-27 17:48:08.748814+00	2026-11-27 17:48:08.748814+00
55	Stijn Nijland	stijn.nijland@example.nl		06-21164093		31621164093		39046112613	6	Verzorgende IG	Woerden	noor.vanderlinden@example.nl	Diabetes;Medicatie			nijland stijn	2026-11-27 17:48:08.748814+00	2026-11-27 17:48:08.748814+00
56	Milan Peters	milan.peters@example.nl	030-2100148	06-21172012	31302100148	31621172012	84100120313	21027112613	6	Verzorgende IG	Woerden	noor.vanderlinden@example.nl	Diabetes			peters milan	2026-11-27 17:48:08.748814+00	2026-11-27 17:48:08.748814+00
57	Bjørn Nijland	bjorn.nijland@example.nl	030-2100149	06-21179931	31302100149	31621179931	94100120313	13997112613	6	Helpende	Woerden	noor.vanderlinden@example.nl	Tilliften;Medicatie			nijland bjorn	2026-11-27 17:48:08.748814+00	2026-11-27 17:48:08.748814+00
58	Joost de Jong	joost.dejong@example.nl		06-21187850		31621187850		05878112613	6	Verzorgende IG	Woerden	noor.vanderlinden@example.nl	Tilliften;Wondzorg			jong joost de	2026-11-27 17:48:08.748814+00	2026-11-27 17:48:08.748814+00
59	Thijs Jacobs	thijs.jacobs@example.nl		06-21195769		31621195769		96759112613	6	Wijkverpleegkundige	Woerden	noor.vanderlinden@example.nl	Medicatie;Diabetes			jacobs thijs	2026-11-27 17:48:08.748814+00	2026-11-27 17:48:08.748814+00
60	Sanne Hoekstra	sanne.hoekstra@example.nl		06-21203688		31621203688		88630212613	6	Verzorgende IG	Woerden	noor.vanderlinden@example.nl	Wondzorg			hoekstra sanne	2026-11-27 17:48:08.748814+00	2026-11-27 17:48:08.748814+00
61	Wouter Kuipers	wouter.kuipers@example.nl		06-21211607		31621211607		70611212613	6	Verzorgende IG	Woerden	noor.vanderlinden@example.nl	Tilliften			kuipers wouter	2026-11-27 17:48:08.748814+00	2026-11-27 17:48:08.748814+00
62	Thijs Hoekstra	thijs.hoekstra@example.nl		06-21219526		31621219526		62591212613	6	Wijkverpleegkundige	Woerden	noor.vanderlinden@example.nl	Tilliften			hoekstra thijs	2026-11-27 17:48:08.748814+00	2026-11-27 17:48:08.748814+00
63	Maarten de Groot	maarten.degroot@example.nl	030-2100155	06-21227445	31302100155	31621227445	55100120313	54472212613	6	Helpende	Woerden	noor.vanderlinden@example.nl	Tilliften;Medicatie			groot maarten de	2026-11-27 17:48:08.748814+00	2026-11-27 17:48:08.748814+00
64	Thijs Janssen	thijs.janssen@example.nl		06-21235364		31621235364		46353212613	6	Wijkverpleegkundige	Woerden	noor.vanderlinden@example.nl	Medicatie			janssen thijs	2026-11-27 17:48:08.748814+00	2026-11-27 17:48:08.748814+00
65	Pieter de Vries	pieter.devries@example.nl	030-2100157	06-21243283	31302100157	31621243283	75100120313	38234212613	6	Helpende	Woerden	noor.vanderlinden@example.nl	Medicatie;Tilliften			vries pieter de	2026-11-27 17:48:08.748814+00	2026-11-27 17:48:08.748814+00
66	Wouter de Jong	wouter.dejong@example.nl		06-21251202		31621251202		20215212613	6	Verzorgende IG	Woerden	noor.vanderlinden@example.nl	Wondzorg;Medicatie			jong wouter de	2026-11-27 17:48:08.748814+00	2026-11-27 17:48:08.748814+00
168	Floor Bos	floor.bos@example.nl		06-22058940		31622058940		04985022613	2	Planner	Utrecht	youssef.jansen@example.nl	Excel			bos floor	2026-11-27 17:48:08.748814+00	2026-11-27 17:48:08.748814+00
67	Ruben Jansen	ruben.jansen@example.nl		06-21259121		31621259121		12195212613	6	Wijkverpleegkundige	Woerden	noor.vanderlinden@example.nl	Wondzorg			jansen ruben	2026-11-27 17:48:08.748814+00	2026-11-27 17:48:08.748814+00
68	Chloë El Amrani	chloe.elamrani@example.nl		06-21267040		31621267040		04076212613	6	Verzorgende IG	Woerden	noor.vanderlinden@example.nl	Wondzorg;Diabetes			el amrani chloe	2026-11-27 17:48:08.748814+00	2026-11-27 17:48:08.748814+00
69	Fatima de Jong	fatima.dejong@example.nl		06-21274959		31621274959		95947212613	6	Wijkverpleegkundige	Woerden	noor.vanderlinden@example.nl	Medicatie;Diabetes			jong fatima de	2026-11-27 17:48:08.748814+00	2026-11-27 17:48:08.748814+00
70	Stijn Jansen	stijn.jansen@example.nl		06-21282878		31621282878		87828212613	6	Wijkverpleegkundige	Woerden	noor.vanderlinden@example.nl	Tilliften;Wondzorg			jansen stijn	2026-11-27 17:48:08.748814+00	2026-11-27 17:48:08.748814+00
71	Zoë van den Berg	zoe.vandenberg@example.nl		06-21290797		31621290797		79709212613	6	Helpende	Woerden	noor.vanderlinden@example.nl	Tilliften			berg zoe van den	2026-11-27 17:48:08.748814+00	2026-11-27 17:48:08.748814+00
72	Wietske Bakker	wietske.bakker@example.nl		06-21298716		31621298716		61789212613	6	Wijkverpleegkundige	Woerden	noor.vanderlinden@example.nl	Medicatie;Wondzorg			bakker wietske	2026-11-27 17:48:08.748814+00	2026-11-27 17:48:08.748814+00
73	Daan de Jong	daan.dejong@example.nl	030-2100165	06-21306635	31302100165	31621306635	56100120313	53660312613	7	Teamleider	Amersfoort	marieke.terhorst@example.nl	Wondzorg;Palliatieve zorg	team lead		jong daan de	2026-11-27 17:48:08.748814+00	2026-11-27 17:48:08.748814+00
74	Willemijn Huisman	willemijn.huisman@example.nl	030-2100166	06-21314554	31302100166	31621314554	66100120313	45541312613	7	Wijkverpleegkundige	Amersfoort	daan.dejong@example.nl	Wondzorg			huisman willemijn	2026-11-27 17:48:08.748814+00	2026-11-27 17:48:08.748814+00
75	Mirjam van Dijk	mirjam.vandijk@example.nl	030-2100167	06-21322473	31302100167	31621322473	76100120313	37422312613	7	Wijkverpleegkundige	Amersfoort	daan.dejong@example.nl	Palliatieve zorg			dijk mirjam van	2026-11-27 17:48:08.748814+00	2026-11-27 17:48:08.748814+00
76	Marieke Koster	marieke.koster@example.nl		06-21330392		31621330392		29303312613	7	Verzorgende IG	Amersfoort	daan.dejong@example.nl	Dementie			koster marieke	2026-11-27 17:48:08.748814+00	2026-11-27 17:48:08.748814+00
77	Milan Kok	milan.kok@example.nl		06-21338311		31621338311		11383312613	7	Verzorgende IG	Amersfoort	daan.dejong@example.nl	Palliatieve zorg			kok milan	2026-11-27 17:48:08.748814+00	2026-11-27 17:48:08.748814+00
78	Niels Smit	niels.smit@example.nl		06-21346230		31621346230		03264312613	7	Verzorgende IG	Amersfoort	daan.dejong@example.nl	Wondzorg			smit niels	2026-11-27 17:48:08.748814+00	2026-11-27 17:48:08.748814+00
79	Julia Bosman	julia.bosman@example.nl		06-21354149		31621354149		94145312613	7	Wijkverpleegkundige	Amersfoort	daan.dejong@example.nl	Palliatieve zorg;Wondzorg			bosman julia	2026-11-27 17:48:08.748814+00	2026-11-27 17:48:08.748814+00
80	Noor Bakker	noor.bakker@example.nl	030-2100172	06-21362068	31302100172	31621362068	27100120313	86026312613	7	Verzorgende IG	Amersfoort	daan.dejong@example.nl	Dementie			bakker noor	2026-11-27 17:48:08.748814+00	2026-11-27 17:48:08.748814+00
81	Fatima Postma	fatima.postma@example.nl		06-21369987		31621369987		78996312613	7	Verzorgende IG	Amersfoort	daan.dejong@example.nl	Dementie			postma fatima	2026-11-27 17:48:08.748814+00	2026-11-27 17:48:08.748814+00
82	Eva Visser	eva.visser@example.nl		06-21377906		31621377906		60977312613	7	Wijkverpleegkundige	Amersfoort	daan.dejong@example.nl	Palliatieve zorg;Wondzorg			visser eva	2026-11-27 17:48:08.748814+00	2026-11-27 17:48:08.748814+00
83	Marieke de Groot	marieke.degroot@example.nl	030-2100175	06-21385825	31302100175	31621385825	57100120313	52858312613	7	Wijkverpleegkundige	Amersfoort	daan.dejong@example.nl	Dementie			groot marieke de	2026-11-27 17:48:08.748814+00	2026-11-27 17:48:08.748814+00
84	Stijn Öztürk	stijn.ozturk@example.nl	030-2100176	06-21393744	31302100176	31621393744	67100120313	44739312613	7	Wijkverpleegkundige	Amersfoort	daan.dejong@example.nl	Wondzorg;Dementie			ozturk stijn	2026-11-27 17:48:08.748814+00	2026-11-27 17:48:08.748814+00
85	Esther Janssen	esther.janssen@example.nl	030-2100177	06-21401663	31302100177	31621401663	77100120313	36610412613	7	Verzorgende IG	Amersfoort	daan.dejong@example.nl	Wondzorg			janssen esther	2026-11-27 17:48:08.748814+00	2026-11-27 17:48:08.748814+00
86	Tess van den Heuvel	tess.vandenheuvel@example.nl		06-21409582		31621409582		28590412613	7	Verzorgende IG	Amersfoort	daan.dejong@example.nl	Dementie			heuvel tess van den	2026-11-27 17:48:08.748814+00	2026-11-27 17:48:08.748814+00
87	Femke Visser	femke.visser@example.nl	030-2100179	06-21417501	31302100179	31621417501	97100120313	10571412613	7	Verzorgende IG	Amersfoort	daan.dejong@example.nl	Palliatieve zorg			visser femke	2026-11-27 17:48:08.748814+00	2026-11-27 17:48:08.748814+00
88	Lotte Visser	lotte.visser@example.nl	030-2100180	06-21425420	31302100180	31621425420	08100120313	02452412613	7	Wijkverpleegkundige	Amersfoort	daan.dejong@example.nl	Palliatieve zorg;Dementie			visser lotte	2026-11-27 17:48:08.748814+00	2026-11-27 17:48:08.748814+00
89	Jasper Janssen	jasper.janssen@example.nl		06-21433339		31621433339		93333412613	7	Verzorgende IG	Amersfoort	daan.dejong@example.nl	Dementie;Wondzorg			janssen jasper	2026-11-27 17:48:08.748814+00	2026-11-27 17:48:08.748814+00
90	Julia Hendriks	julia.hendriks@example.nl	030-2100182	06-21441258	31302100182	31621441258	28100120313	85214412613	7	Wijkverpleegkundige	Amersfoort	daan.dejong@example.nl	Wondzorg			hendriks julia	2026-11-27 17:48:08.748814+00	2026-11-27 17:48:08.748814+00
91	Daan Visser	daan.visser@example.nl		06-21449177		31621449177		77194412613	7	Verzorgende IG	Amersfoort	daan.dejong@example.nl	Palliatieve zorg;Dementie			visser daan	2026-11-27 17:48:08.748814+00	2026-11-27 17:48:08.748814+00
92	Anouk van Dijk	anouk.vandijk@example.nl		06-21457096		31621457096		69075412613	7	Verzorgende IG	Amersfoort	daan.dejong@example.nl	Dementie			dijk anouk van	2026-11-27 17:48:08.748814+00	2026-11-27 17:48:08.748814+00
93	Chloë de Boer	chloe.deboer@example.nl		06-21465015		31621465015		51056412613	7	Verzorgende IG	Amersfoort	daan.dejong@example.nl	Palliatieve zorg			boer chloe de	2026-11-27 17:48:08.748814+00	2026-11-27 17:48:08.748814+00
94	Anouk de Vries	anouk.devries@example.nl	030-2100186	06-21472934	31302100186	31621472934	68100120313	43927412613	7	Verzorgende IG	Amersfoort	daan.dejong@example.nl	Dementie;Palliatieve zorg			vries anouk de	2026-11-27 17:48:08.748814+00	2026-11-27 17:48:08.748814+00
95	Willemijn Bakker	willemijn.bakker@example.nl		06-21480853		31621480853		35808412613	7	Wijkverpleegkundige	Amersfoort	daan.dejong@example.nl	Dementie			bakker willemijn	2026-11-27 17:48:08.748814+00	2026-11-27 17:48:08.748814+00
96	Sophie de Vries	sophie.devries@example.nl	030-2100188	06-21488772	31302100188	31621488772	88100120313	27788412613	7	Verzorgende IG	Amersfoort	daan.dejong@example.nl	Dementie;Wondzorg			vries sophie de	2026-11-27 17:48:08.748814+00	2026-11-27 17:48:08.748814+00
97	Wouter Bakker	wouter.bakker@example.nl	030-2100189	06-21496691	31302100189	31621496691	98100120313	19669412613	7	Verzorgende IG	Amersfoort	daan.dejong@example.nl	Wondzorg;Dementie			bakker wouter	2026-11-27 17:48:08.748814+00	2026-11-27 17:48:08.748814+00
98	Chloë Meijer	chloe.meijer@example.nl		06-21504610		31621504610		01640512613	7	Verzorgende IG	Amersfoort	daan.dejong@example.nl	Dementie;Wondzorg			meijer chloe	2026-11-27 17:48:08.748814+00	2026-11-27 17:48:08.748814+00
99	Lieke Nijland	lieke.nijland@example.nl	030-2100191	06-21512529	31302100191	31621512529	19100120313	92521512613	7	Verzorgende IG	Amersfoort	daan.dejong@example.nl	Palliatieve zorg			nijland lieke	2026-11-27 17:48:08.748814+00	2026-11-27 17:48:08.748814+00
100	Ingrid Dekker	ingrid.dekker@example.nl	030-2100192	06-21520448	31302100192	31621520448	29100120313	84402512613	7	Wijkverpleegkundige	Amersfoort	daan.dejong@example.nl	Palliatieve zorg			dekker ingrid	2026-11-27 17:48:08.748814+00	2026-11-27 17:48:08.748814+00
101	Renée Dekker	renee.dekker@example.nl		06-21528367		31621528367		76382512613	8	Teamleider	Houten	marieke.terhorst@example.nl	Rijbewijs B;Huishouding	team lead		dekker renee	2026-11-27 17:48:08.748814+00	2026-11-27 17:48:08.748814+00
102	Jeroen Smits	jeroen.smits@example.nl		06-21536286		31621536286		68263512613	8	Verzorgende	Houten	renee.dekker@example.nl	Dementie			smits jeroen	2026-11-27 17:48:08.748814+00	2026-11-27 17:48:08.748814+00
103	Maarten Janssen	maarten.janssen@example.nl		06-21544205		31621544205		50244512613	8	Huishoudelijk medewerker	Houten	renee.dekker@example.nl	Rijbewijs B			janssen maarten	2026-11-27 17:48:08.748814+00	2026-11-27 17:48:08.748814+00
104	Bram de Boer	bram.deboer@example.nl	030-2100196	06-21552124	31302100196	31621552124	69100120313	42125512613	8	Huishoudelijk medewerker	Houten	renee.dekker@example.nl	Dementie			boer bram de	2026-11-27 17:48:08.748814+00	2026-11-27 17:48:08.748814+00
105	Lieke Kok	lieke.kok@example.nl		06-21560043		31621560043		34006512613	8	Huishoudelijk medewerker	Houten	renee.dekker@example.nl	Huishouding			kok lieke	2026-11-27 17:48:08.748814+00	2026-11-27 17:48:08.748814+00
106	Emma van der Linden	emma.vanderlinden@example.nl		06-21567962		31621567962		26976512613	8	Huishoudelijk medewerker	Houten	renee.dekker@example.nl	Rijbewijs B			linden emma van der	2026-11-27 17:48:08.748814+00	2026-11-27 17:48:08.748814+00
107	Maarten Willems	maarten.willems@example.nl		06-21575881		31621575881		18857512613	8	Huishoudelijk medewerker	Houten	renee.dekker@example.nl	Huishouding;Dementie			willems maarten	2026-11-27 17:48:08.748814+00	2026-11-27 17:48:08.748814+00
108	Sophie de Haan	sophie.dehaan@example.nl	030-2100200	06-21583800	31302100200	31621583800	00200120313	00838512613	8	Verzorgende	Houten	renee.dekker@example.nl	Huishouding			haan sophie de	2026-11-27 17:48:08.748814+00	2026-11-27 17:48:08.748814+00
109	Kees de Jong	kees.dejong@example.nl		06-21591719		31621591719		91719512613	8	Huishoudelijk medewerker	Houten	renee.dekker@example.nl	Dementie			jong kees de	2026-11-27 17:48:08.748814+00	2026-11-27 17:48:08.748814+00
110	Annelies Smits	annelies.smits@example.nl	030-2100202	06-21599638	31302100202	31621599638	20200120313	83699512613	8	Huishoudelijk medewerker	Houten	renee.dekker@example.nl	Rijbewijs B;Huishouding			smits annelies	2026-11-27 17:48:08.748814+00	2026-11-27 17:48:08.748814+00
111	Kees Brouwer	kees.brouwer@example.nl		06-21607557		31621607557		75570612613	8	Verzorgende	Houten	renee.dekker@example.nl	Rijbewijs B;Huishouding			brouwer kees	2026-11-27 17:48:08.748814+00	2026-11-27 17:48:08.748814+00
112	Jasper de Jong	jasper.dejong@example.nl		06-21615476		31621615476		67451612613	8	Verzorgende	Houten	renee.dekker@example.nl	Huishouding;Dementie			jong jasper de	2026-11-27 17:48:08.748814+00	2026-11-27 17:48:08.748814+00
113	Ruben ter Horst	ruben.terhorst@example.nl		06-21623395		31621623395		59332612613	8	Verzorgende	Houten	renee.dekker@example.nl	Dementie			horst ruben ter	2026-11-27 17:48:08.748814+00	2026-11-27 17:48:08.748814+00
114	Koen van den Berg	koen.vandenberg@example.nl		06-21631314		31621631314		41313612613	8	Verzorgende	Houten	renee.dekker@example.nl	Dementie			berg koen van den	2026-11-27 17:48:08.748814+00	2026-11-27 17:48:08.748814+00
115	Ingrid Dijkstra	ingrid.dijkstra@example.nl	030-2100207	06-21639233	31302100207	31621639233	70200120313	33293612613	8	Verzorgende	Houten	renee.dekker@example.nl	Huishouding			dijkstra ingrid	2026-11-27 17:48:08.748814+00	2026-11-27 17:48:08.748814+00
116	Noor van Leeuwen	noor.vanleeuwen@example.nl	030-2100208	06-21647152	31302100208	31621647152	80200120313	25174612613	8	Verzorgende	Houten	renee.dekker@example.nl	Dementie;Rijbewijs B			leeuwen noor van	2026-11-27 17:48:08.748814+00	2026-11-27 17:48:08.748814+00
117	Jasper de Bruijn	jasper.debruijn@example.nl	030-2100209	06-21655071	31302100209	31621655071	90200120313	17055612613	8	Verzorgende	Houten	renee.dekker@example.nl	Dementie			bruijn jasper de	2026-11-27 17:48:08.748814+00	2026-11-27 17:48:08.748814+00
118	Julia Jansen	julia.jansen@example.nl		06-21662990		31621662990		09926612613	8	Huishoudelijk medewerker	Houten	renee.dekker@example.nl	Huishouding			jansen julia	2026-11-27 17:48:08.748814+00	2026-11-27 17:48:08.748814+00
119	Lieke Vermeulen	lieke.vermeulen@example.nl	030-2100211	06-21670909	31302100211	31621670909	11200120313	90907612613	8	Verzorgende	Houten	renee.dekker@example.nl	Huishouding			vermeulen lieke	2026-11-27 17:48:08.748814+00	2026-11-27 17:48:08.748814+00
120	Lars de Groot	lars.degroot@example.nl	030-2100212	06-21678828	31302100212	31621678828	21200120313	82887612613	8	Verzorgende	Houten	renee.dekker@example.nl	Rijbewijs B			groot lars de	2026-11-27 17:48:08.748814+00	2026-11-27 17:48:08.748814+00
121	Thijs Postma	thijs.postma@example.nl	030-2100213	06-21686747	31302100213	31621686747	31200120313	74768612613	8	Verzorgende	Houten	renee.dekker@example.nl	Dementie			postma thijs	2026-11-27 17:48:08.748814+00	2026-11-27 17:48:08.748814+00
122	Marieke Postma	marieke.postma@example.nl		06-21694666		31621694666		66649612613	8	Verzorgende	Houten	renee.dekker@example.nl	Dementie			postma marieke	2026-11-27 17:48:08.748814+00	2026-11-27 17:48:08.748814+00
123	Thijs Bosman	thijs.bosman@example.nl	030-2100215	06-21702585	31302100215	31621702585	51200120313	58520712613	8	Verzorgende	Houten	renee.dekker@example.nl	Dementie			bosman thijs	2026-11-27 17:48:08.748814+00	2026-11-27 17:48:08.748814+00
124	Joost Müller	joost.muller@example.nl		06-21710504		31621710504		40501712613	8	Huishoudelijk medewerker	Houten	renee.dekker@example.nl	Dementie;Rijbewijs B			muller joost	2026-11-27 17:48:08.748814+00	2026-11-27 17:48:08.748814+00
125	Sophie Meijer	sophie.meijer@example.nl	030-2100217	06-21718423	31302100217	31621718423	71200120313	32481712613	9	Teamleider	Utrecht	marieke.terhorst@example.nl	Duits	team lead		meijer sophie	2026-11-27 17:48:08.748814+00	2026-11-27 17:48:08.748814+00
126	Joost Meijer	joost.meijer@example.nl		06-21726342		31621726342		24362712613	9	Verkoper	Utrecht	sophie.meijer@example.nl	Duits;Kassa			meijer joost	2026-11-27 17:48:08.748814+00	2026-11-27 17:48:08.748814+00
127	Sanne Visser	sanne.visser@example.nl		06-21734261		31621734261		16243712613	9	Verkoper	Utrecht	sophie.meijer@example.nl	Duits;Kassa			visser sanne	2026-11-27 17:48:08.748814+00	2026-11-27 17:48:08.748814+00
128	Chloë Brouwer	chloe.brouwer@example.nl	030-2100220	06-21742180	31302100220	31621742180	02200120313	08124712613	9	Filiaalmedewerker	Utrecht	sophie.meijer@example.nl	Duits;Hulpmiddelen			brouwer chloe	2026-11-27 17:48:08.748814+00	2026-11-27 17:48:08.748814+00
129	Henk de Vries	henk.devries@example.nl	030-2100221	06-21750099	31302100221	31621750099	12200120313	99005712613	9	Verkoper	Utrecht	sophie.meijer@example.nl	Duits			vries henk de	2026-11-27 17:48:08.748814+00	2026-11-27 17:48:08.748814+00
130	Niels de Jong	niels.dejong@example.nl		06-21758018		31621758018		81085712613	9	Verkoper	Utrecht	sophie.meijer@example.nl	Kassa;Hulpmiddelen			jong niels de	2026-11-27 17:48:08.748814+00	2026-11-27 17:48:08.748814+00
131	Stijn Kok	stijn.kok@example.nl	030-2100223	06-21765937	31302100223	31621765937	32200120313	73956712613	9	Filiaalmedewerker	Utrecht	sophie.meijer@example.nl	Duits			kok stijn	2026-11-27 17:48:08.748814+00	2026-11-27 17:48:08.748814+00
132	Emma de Boer	emma.deboer@example.nl	030-2100224	06-21773856	31302100224	31621773856	42200120313	65837712613	9	Filiaalmedewerker	Utrecht	sophie.meijer@example.nl	Duits			boer emma de	2026-11-27 17:48:08.748814+00	2026-11-27 17:48:08.748814+00
133	Thijs Dijkstra	thijs.dijkstra@example.nl		06-21781775		31621781775		57718712613	9	Verkoper	Utrecht	sophie.meijer@example.nl	Kassa			dijkstra thijs	2026-11-27 17:48:08.748814+00	2026-11-27 17:48:08.748814+00
134	Wietske de Vries	wietske.devries@example.nl		06-21789694		31621789694		49698712613	9	Verkoper	Utrecht	sophie.meijer@example.nl	Kassa;Duits			vries wietske de	2026-11-27 17:48:08.748814+00	2026-11-27 17:48:08.748814+00
135	Sem van der Meer	sem.vandermeer@example.nl	030-2100227	06-21797613	31302100227	31621797613	72200120313	31679712613	9	Filiaalmedewerker	Utrecht	sophie.meijer@example.nl	Duits;Kassa			meer sem van der	2026-11-27 17:48:08.748814+00	2026-11-27 17:48:08.748814+00
136	Joëlle de Jong	joelle.dejong@example.nl		06-21805532		31621805532		23550812613	9	Verkoper	Utrecht	sophie.meijer@example.nl	Kassa;Duits			jong joelle de	2026-11-27 17:48:08.748814+00	2026-11-27 17:48:08.748814+00
137	Stijn van Dijk	stijn.vandijk@example.nl		06-21813451		31621813451		15431812613	9	Filiaalmedewerker	Utrecht	sophie.meijer@example.nl	Duits			dijk stijn van	2026-11-27 17:48:08.748814+00	2026-11-27 17:48:08.748814+00
138	Youssef Jacobs	youssef.jacobs@example.nl		06-21821370		31621821370		07312812613	9	Verkoper	Utrecht	sophie.meijer@example.nl	Kassa;Hulpmiddelen			jacobs youssef	2026-11-27 17:48:08.748814+00	2026-11-27 17:48:08.748814+00
139	Noor Koster	noor.koster@example.nl	030-2100231	06-21829289	31302100231	31621829289	13200120313	98292812613	9	Filiaalmedewerker	Utrecht	sophie.meijer@example.nl	Kassa;Hulpmiddelen			koster noor	2026-11-27 17:48:08.748814+00	2026-11-27 17:48:08.748814+00
140	Noor Vos	noor.vos@example.nl		06-21837208		31621837208		80273812613	9	Filiaalmedewerker	Utrecht	sophie.meijer@example.nl	Kassa;Hulpmiddelen			vos noor	2026-11-27 17:48:08.748814+00	2026-11-27 17:48:08.748814+00
141	Wietske van den Broek	wietske.vandenbroek@example.nl		06-21845127		31621845127		72154812613	9	Filiaalmedewerker	Utrecht	sophie.meijer@example.nl	Kassa;Duits			broek wietske van den	2026-11-27 17:48:08.748814+00	2026-11-27 17:48:08.748814+00
142	Mirjam de Graaf	mirjam.degraaf@example.nl		06-21853046		31621853046		64035812613	9	Filiaalmedewerker	Utrecht	sophie.meijer@example.nl	Kassa;Duits			graaf mirjam de	2026-11-27 17:48:08.748814+00	2026-11-27 17:48:08.748814+00
143	Sanne de Haan	sanne.dehaan@example.nl		06-21860965		31621860965		56906812613	9	Verkoper	Utrecht	sophie.meijer@example.nl	Hulpmiddelen			haan sanne de	2026-11-27 17:48:08.748814+00	2026-11-27 17:48:08.748814+00
144	Bjørn de Vries	bjorn.devries@example.nl		06-21868884		31621868884		48886812613	9	Verkoper	Utrecht	sophie.meijer@example.nl	Duits;Kassa			vries bjorn de	2026-11-27 17:48:08.748814+00	2026-11-27 17:48:08.748814+00
145	Chloë van der Linden	chloe.vanderlinden@example.nl		06-21876803		31621876803		30867812613	4	Teamleider	Zeist	marieke.terhorst@example.nl	Hulpmiddelen	team lead		linden chloe van der	2026-11-27 17:48:08.748814+00	2026-11-27 17:48:08.748814+00
146	Willemijn Postma	willemijn.postma@example.nl		06-21884722		31621884722		22748812613	4	Servicemonteur	Zeist	chloe.vanderlinden@example.nl	Rijbewijs B;Tilliften			postma willemijn	2026-11-27 17:48:08.748814+00	2026-11-27 17:48:08.748814+00
147	Joost Huisman	joost.huisman@example.nl		06-21892641		31621892641		14629812613	4	Accountmanager	Zeist	chloe.vanderlinden@example.nl	Hulpmiddelen;Engels			huisman joost	2026-11-27 17:48:08.748814+00	2026-11-27 17:48:08.748814+00
148	Zoë Peters	zoe.peters@example.nl		06-21900560		31621900560		06500912613	4	Servicemonteur	Zeist	chloe.vanderlinden@example.nl	Rijbewijs B			peters zoe	2026-11-27 17:48:08.748814+00	2026-11-27 17:48:08.748814+00
149	Chloë de Groot	chloe.degroot@example.nl		06-21908479		31621908479		97480912613	4	Accountmanager	Zeist	chloe.vanderlinden@example.nl	Engels;Rijbewijs B			groot chloe de	2026-11-27 17:48:08.748814+00	2026-11-27 17:48:08.748814+00
150	Koen Mulder	koen.mulder@example.nl		06-21916398		31621916398		89361912613	4	Servicemonteur	Zeist	chloe.vanderlinden@example.nl	Tilliften;Rijbewijs B			mulder koen	2026-11-27 17:48:08.748814+00	2026-11-27 17:48:08.748814+00
151	Sophie Kok	sophie.kok@example.nl		06-21924317		31621924317		71342912613	4	Accountmanager	Zeist	chloe.vanderlinden@example.nl	Tilliften			kok sophie	2026-11-27 17:48:08.748814+00	2026-11-27 17:48:08.748814+00
152	Henk van der Veen	henk.vanderveen@example.nl		06-21932236		31621932236		63223912613	4	Accountmanager	Zeist	chloe.vanderlinden@example.nl	Hulpmiddelen;Tilliften			veen henk van der	2026-11-27 17:48:08.748814+00	2026-11-27 17:48:08.748814+00
153	Renée van Leeuwen	renee.vanleeuwen@example.nl		06-21940155		31621940155		55104912613	4	Accountmanager	Zeist	chloe.vanderlinden@example.nl	Tilliften;Engels			leeuwen renee van	2026-11-27 17:48:08.748814+00	2026-11-27 17:48:08.748814+00
154	Marieke van den Berg	marieke.vandenberg@example.nl	030-2100246	06-21948074	31302100246	31621948074	64200120313	47084912613	4	Accountmanager	Zeist	chloe.vanderlinden@example.nl	Rijbewijs B;Engels			berg marieke van den	2026-11-27 17:48:08.748814+00	2026-11-27 17:48:08.748814+00
155	Daan van 't Hof	daan.vanthof@example.nl	030-2100247	06-21955993	31302100247	31621955993	74200120313	39955912613	4	Servicemonteur	Zeist	chloe.vanderlinden@example.nl	Engels			hof daan van t	2026-11-27 17:48:08.748814+00	2026-11-27 17:48:08.748814+00
156	Sophie Jansen	sophie.jansen@example.nl		06-21963912		31621963912		21936912613	4	Accountmanager	Zeist	chloe.vanderlinden@example.nl	Rijbewijs B			jansen sophie	2026-11-27 17:48:08.748814+00	2026-11-27 17:48:08.748814+00
157	Gijs de Graaf	gijs.degraaf@example.nl		06-21971831		31621971831		13817912613	4	Servicemonteur	Zeist	chloe.vanderlinden@example.nl	Engels;Rijbewijs B			graaf gijs de	2026-11-27 17:48:08.748814+00	2026-11-27 17:48:08.748814+00
158	Bram de Jong	bram.dejong@example.nl	030-2100250	06-21979750	31302100250	31621979750	05200120313	05797912613	4	Servicemonteur	Zeist	chloe.vanderlinden@example.nl	Tilliften			jong bram de	2026-11-27 17:48:08.748814+00	2026-11-27 17:48:08.748814+00
159	Niels Jansen	niels.jansen@example.nl	030-2100251	06-21987669	31302100251	31621987669	15200120313	96678912613	4	Servicemonteur	Zeist	chloe.vanderlinden@example.nl	Engels;Rijbewijs B			jansen niels	2026-11-27 17:48:08.748814+00	2026-11-27 17:48:08.748814+00
160	Wietske van 't Hof	wietske.vanthof@example.nl		06-21995588		31621995588		88559912613	4	Servicemonteur	Zeist	chloe.vanderlinden@example.nl	Rijbewijs B;Tilliften			hof wietske van t	2026-11-27 17:48:08.748814+00	2026-11-27 17:48:08.748814+00
161	Ruben Koster	ruben.koster@example.nl		06-22003507		31622003507		70530022613	4	Accountmanager	Zeist	chloe.vanderlinden@example.nl	Engels			koster ruben	2026-11-27 17:48:08.748814+00	2026-11-27 17:48:08.748814+00
162	Bjørn Dijkstra	bjorn.dijkstra@example.nl		06-22011426		31622011426		62411022613	4	Accountmanager	Zeist	chloe.vanderlinden@example.nl	Engels;Rijbewijs B			dijkstra bjorn	2026-11-27 17:48:08.748814+00	2026-11-27 17:48:08.748814+00
163	Sanne de Vries	sanne.devries@example.nl		06-22019345		31622019345		54391022613	4	Accountmanager	Zeist	chloe.vanderlinden@example.nl	Tilliften			vries sanne de	2026-11-27 17:48:08.748814+00	2026-11-27 17:48:08.748814+00
164	Ruben Bakker	ruben.bakker@example.nl		06-22027264		31622027264		46272022613	4	Accountmanager	Zeist	chloe.vanderlinden@example.nl	Tilliften			bakker ruben	2026-11-27 17:48:08.748814+00	2026-11-27 17:48:08.748814+00
165	Roos de Bruijn	roos.debruijn@example.nl	030-2100257	06-22035183	31302100257	31622035183	75200120313	38153022613	4	Accountmanager	Zeist	chloe.vanderlinden@example.nl	Tilliften;Rijbewijs B			bruijn roos de	2026-11-27 17:48:08.748814+00	2026-11-27 17:48:08.748814+00
166	Joost van der Linden	joost.vanderlinden@example.nl	030-2100258	06-22043102	31302100258	31622043102	85200120313	20134022613	4	Servicemonteur	Zeist	chloe.vanderlinden@example.nl	Tilliften			linden joost van der	2026-11-27 17:48:08.748814+00	2026-11-27 17:48:08.748814+00
167	Youssef Jansen	youssef.jansen@example.nl		06-22051021		31622051021		12015022613	2	Teamleider	Utrecht	marieke.terhorst@example.nl	Planning	team lead		jansen youssef	2026-11-27 17:48:08.748814+00	2026-11-27 17:48:08.748814+00
169	Wietske Müller	wietske.muller@example.nl		06-22066859		31622066859		95866022613	2	Planner	Utrecht	youssef.jansen@example.nl	Excel			muller wietske	2026-11-27 17:48:08.748814+00	2026-11-27 17:48:08.748814+00
170	Floor de Jong	floor.dejong@example.nl		06-22074778		31622074778		87747022613	2	Planner	Utrecht	youssef.jansen@example.nl	Planning			jong floor de	2026-11-27 17:48:08.748814+00	2026-11-27 17:48:08.748814+00
171	Mirjam de Jong	mirjam.dejong@example.nl		06-22082697		31622082697		79628022613	2	Planner	Utrecht	youssef.jansen@example.nl	Planning			jong mirjam de	2026-11-27 17:48:08.748814+00	2026-11-27 17:48:08.748814+00
172	Bjørn Smit	bjorn.smit@example.nl		06-22090616		31622090616		61609022613	2	Roosteraar	Utrecht	youssef.jansen@example.nl	Planning			smit bjorn	2026-11-27 17:48:08.748814+00	2026-11-27 17:48:08.748814+00
173	Anouk Dekker	anouk.dekker@example.nl		06-22098535		31622098535		53589022613	2	Roosteraar	Utrecht	youssef.jansen@example.nl	Planning;Excel			dekker anouk	2026-11-27 17:48:08.748814+00	2026-11-27 17:48:08.748814+00
174	Ruben de Jong	ruben.dejong@example.nl		06-22106454		31622106454		45460122613	2	Roosteraar	Utrecht	youssef.jansen@example.nl	Planning			jong ruben de	2026-11-27 17:48:08.748814+00	2026-11-27 17:48:08.748814+00
175	Koen van den Heuvel	koen.vandenheuvel@example.nl	030-2100267	06-22114373	31302100267	31622114373	76200120313	37341122613	2	Planner	Utrecht	youssef.jansen@example.nl	Excel;Planning			heuvel koen van den	2026-11-27 17:48:08.748814+00	2026-11-27 17:48:08.748814+00
176	Eva Vermeulen	eva.vermeulen@example.nl	030-2100268	06-22122292	31302100268	31622122292	86200120313	29222122613	2	Planner	Utrecht	youssef.jansen@example.nl	Planning;Excel			vermeulen eva	2026-11-27 17:48:08.748814+00	2026-11-27 17:48:08.748814+00
177	Julia Janssen	julia.janssen@example.nl	030-2100269	06-22130211	31302100269	31622130211	96200120313	11203122613	2	Planner	Utrecht	youssef.jansen@example.nl	Planning			janssen julia	2026-11-27 17:48:08.748814+00	2026-11-27 17:48:08.748814+00
178	Emma Öztürk	emma.ozturk@example.nl		06-22138130		31622138130		03183122613	2	Planner	Utrecht	youssef.jansen@example.nl	Planning			ozturk emma	2026-11-27 17:48:08.748814+00	2026-11-27 17:48:08.748814+00
179	Hüseyin Dijkstra	huseyin.dijkstra@example.nl		06-22146049		31622146049		94064122613	3	Teamleider	Utrecht	marieke.terhorst@example.nl	Linux	team lead;admin		dijkstra huseyin	2026-11-27 17:48:08.748814+00	2026-11-27 17:48:08.748814+00
180	Bjørn van den Berg	bjorn.vandenberg@example.nl		06-22153968		31622153968		86935122613	3	Systeembeheerder	Utrecht	huseyin.dijkstra@example.nl	PostgreSQL			berg bjorn van den	2026-11-27 17:48:08.748814+00	2026-11-27 17:48:08.748814+00
181	Roos van Dijk	roos.vandijk@example.nl	030-2100273	06-22161887	31302100273	31622161887	37200120313	78816122613	3	Ontwikkelaar	Utrecht	huseyin.dijkstra@example.nl	PostgreSQL			dijk roos van	2026-11-27 17:48:08.748814+00	2026-11-27 17:48:08.748814+00
182	Julia de Jong	julia.dejong@example.nl		06-22169806		31622169806		60896122613	3	Servicedesk	Utrecht	huseyin.dijkstra@example.nl	Go;PostgreSQL			jong julia de	2026-11-27 17:48:08.748814+00	2026-11-27 17:48:08.748814+00
183	Sophie Kuipers	sophie.kuipers@example.nl	030-2100275	06-22177725	31302100275	31622177725	57200120313	52777122613	3	Ontwikkelaar	Utrecht	huseyin.dijkstra@example.nl	Linux			kuipers sophie	2026-11-27 17:48:08.748814+00	2026-11-27 17:48:08.748814+00
184	Iris de Jong	iris.dejong@example.nl		06-22185644		31622185644		44658122613	3	Servicedesk	Utrecht	huseyin.dijkstra@example.nl	Excel			jong iris de	2026-11-27 17:48:08.748814+00	2026-11-27 17:48:08.748814+00
185	Mirjam ter Horst	mirjam.terhorst@example.nl	030-2100277	06-22193563	31302100277	31622193563	77200120313	36539122613	3	Systeembeheerder	Utrecht	huseyin.dijkstra@example.nl	Linux			horst mirjam ter	2026-11-27 17:48:08.748814+00	2026-11-27 17:48:08.748814+00
186	Gijs Çelik	gijs.celik@example.nl		06-22201482		31622201482		28410222613	3	Systeembeheerder	Utrecht	huseyin.dijkstra@example.nl	Linux			celik gijs	2026-11-27 17:48:08.748814+00	2026-11-27 17:48:08.748814+00
187	Maarten de Jong	maarten.dejong@example.nl	030-2100279	06-22209401	31302100279	31622209401	97200120313	10490222613	3	Ontwikkelaar	Utrecht	huseyin.dijkstra@example.nl	Linux;Excel			jong maarten de	2026-11-27 17:48:08.748814+00	2026-11-27 17:48:08.748814+00
188	Femke de Jong	femke.dejong@example.nl	030-2100280	06-22217320	31302100280	31622217320	08200120313	02371222613	3	Ontwikkelaar	Utrecht	huseyin.dijkstra@example.nl	Go			jong femke de	2026-11-27 17:48:08.748814+00	2026-11-27 17:48:08.748814+00
189	Gijs Koster	gijs.koster@example.nl		06-22225239		31622225239		93252222613	3	Systeembeheerder	Utrecht	huseyin.dijkstra@example.nl	PostgreSQL			koster gijs	2026-11-27 17:48:08.748814+00	2026-11-27 17:48:08.748814+00
190	Lieke Hendriks	lieke.hendriks@example.nl	030-2100282	06-22233158	31302100282	31622233158	28200120313	85133222613	3	Servicedesk	Utrecht	huseyin.dijkstra@example.nl	Excel			hendriks lieke	2026-11-27 17:48:08.748814+00	2026-11-27 17:48:08.748814+00
191	Iris de Wit	iris.dewit@example.nl	030-2100283	06-22241077	31302100283	31622241077	38200120313	77014222613	10	Teamleider	Utrecht	marieke.terhorst@example.nl	Turks;Arbeidsrecht	team lead		wit iris de	2026-11-27 17:48:08.748814+00	2026-11-27 17:48:08.748814+00
192	Lars van Leeuwen	lars.vanleeuwen@example.nl		06-22248996		31622248996		69984222613	10	Salarisadministrateur	Utrecht	iris.dewit@example.nl	Turks			leeuwen lars van	2026-11-27 17:48:08.748814+00	2026-11-27 17:48:08.748814+00
193	Joëlle Dijkstra	joelle.dijkstra@example.nl	030-2100285	06-22256915	31302100285	31622256915	58200120313	51965222613	10	Salarisadministrateur	Utrecht	iris.dewit@example.nl	Verzuim;Turks			dijkstra joelle	2026-11-27 17:48:08.748814+00	2026-11-27 17:48:08.748814+00
194	Zoë Brouwer	zoe.brouwer@example.nl		06-22264834		31622264834		43846222613	10	HR-adviseur	Utrecht	iris.dewit@example.nl	Verzuim			brouwer zoe	2026-11-27 17:48:08.748814+00	2026-11-27 17:48:08.748814+00
195	Marieke Hoekstra	marieke.hoekstra@example.nl		06-22272753		31622272753		35727222613	10	Salarisadministrateur	Utrecht	iris.dewit@example.nl	Arbeidsrecht			hoekstra marieke	2026-11-27 17:48:08.748814+00	2026-11-27 17:48:08.748814+00
196	Eva Janssen	eva.janssen@example.nl	030-2100288	06-22280672	31302100288	31622280672	88200120313	27608222613	10	HR-adviseur	Utrecht	iris.dewit@example.nl	Verzuim			janssen eva	2026-11-27 17:48:08.748814+00	2026-11-27 17:48:08.748814+00
197	Jeroen Bos	jeroen.bos@example.nl		06-22288591		31622288591		19588222613	10	HR-adviseur	Utrecht	iris.dewit@example.nl	Arbeidsrecht			bos jeroen	2026-11-27 17:48:08.748814+00	2026-11-27 17:48:08.748814+00
198	Jeroen Meijer	jeroen.meijer@example.nl	030-2100290	06-22296510	31302100290	31622296510	09200120313	01569222613	10	Salarisadministrateur	Utrecht	iris.dewit@example.nl	Verzuim;Arbeidsrecht			meijer jeroen	2026-11-27 17:48:08.748814+00	2026-11-27 17:48:08.748814+00
199	Pieter van der Veen	pieter.vanderveen@example.nl		06-22304429		31622304429		92440322613	11	Teamleider	Utrecht	marieke.terhorst@example.nl	Schrijven	team lead		veen pieter van der	2026-11-27 17:48:08.748814+00	2026-11-27 17:48:08.748814+00
200	Willemijn Janssen	willemijn.janssen@example.nl		06-22312348		31622312348		84321322613	11	Communicatieadviseur	Utrecht	pieter.vanderveen@example.nl	Fotografie	content manager		janssen willemijn	2026-11-27 17:48:08.748814+00	2026-11-27 17:48:08.748814+00
201	Marieke Bakker	marieke.bakker@example.nl		06-22320267		31622320267		76202322613	11	Redacteur	Utrecht	pieter.vanderveen@example.nl	Engels	content manager		bakker marieke	2026-11-27 17:48:08.748814+00	2026-11-27 17:48:08.748814+00
202	Kees Jacobs	kees.jacobs@example.nl		06-22328186		31622328186		68182322613	11	Communicatieadviseur	Utrecht	pieter.vanderveen@example.nl	Engels;Fotografie	content manager		jacobs kees	2026-11-27 17:48:08.748814+00	2026-11-27 17:48:08.748814+00
203	Bjørn de Graaf	bjorn.degraaf@example.nl	030-2100295	06-22336105	31302100295	31622336105	59200120313	50163322613	11	Communicatieadviseur	Utrecht	pieter.vanderveen@example.nl	Schrijven	content manager		graaf bjorn de	2026-11-27 17:48:08.748814+00	2026-11-27 17:48:08.748814+00
204	Henk Jansen	henk.jansen@example.nl	030-2100296	06-22344024	31302100296	31622344024	69200120313	42044322613	11	Redacteur	Utrecht	pieter.vanderveen@example.nl	Fotografie	content manager		jansen henk	2026-11-27 17:48:08.748814+00	2026-11-27 17:48:08.748814+00
205	Wietske van den Berg	wietske.vandenberg@example.nl		06-22351943		31622351943		34915322613	11	Redacteur	Utrecht	pieter.vanderveen@example.nl	Engels;Fotografie	content manager		berg wietske van den	2026-11-27 17:48:08.748814+00	2026-11-27 17:48:08.748814+00
206	Sem Çelik	sem.celik@example.nl	030-2100298	06-22359862	31302100298	31622359862	89200120313	26895322613	11	Redacteur	Utrecht	pieter.vanderveen@example.nl	Fotografie;Engels	content manager		celik sem	2026-11-27 17:48:08.748814+00	2026-11-27 17:48:08.748814+00
207	Gijs de Groot	gijs.degroot@example.nl		06-22367781		31622367781		18776322613	12	Teamleider	Utrecht	marieke.terhorst@example.nl	Inkoop	team lead		groot gijs de	2026-11-27 17:48:08.748814+00	2026-11-27 17:48:08.748814+00
208	Henk Vermeulen	henk.vermeulen@example.nl	030-2100300	06-22375700	31302100300	31622375700	00300120313	00757322613	12	Facilitair medewerker	Utrecht	gijs.degroot@example.nl	Inkoop;BHV	room admin		vermeulen henk	2026-11-27 17:48:08.748814+00	2026-11-27 17:48:08.748814+00
209	Stijn Smit	stijn.smit@example.nl		06-22383619		31622383619		91638322613	12	Facilitair medewerker	Utrecht	gijs.degroot@example.nl	BHV;Inkoop	room admin		smit stijn	2026-11-27 17:48:08.748814+00	2026-11-27 17:48:08.748814+00
210	Wouter Jacobs	wouter.jacobs@example.nl		06-22391538		31622391538		83519322613	12	Facilitair medewerker	Utrecht	gijs.degroot@example.nl	BHV;Inkoop	room admin		jacobs wouter	2026-11-27 17:48:08.748814+00	2026-11-27 17:48:08.748814+00
211	Lars Müller	lars.muller@example.nl	030-2100303	06-22399457	31302100303	31622399457	30300120313	75499322613	12	Receptionist	Utrecht	gijs.degroot@example.nl	Inkoop;BHV	room admin		muller lars	2026-11-27 17:48:08.748814+00	2026-11-27 17:48:08.748814+00
212	Joëlle Bakker	joelle.bakker@example.nl		06-22407376		31622407376		67370422613	12	Receptionist	Utrecht	gijs.degroot@example.nl	BHV;Inkoop	room admin		bakker joelle	2026-11-27 17:48:08.748814+00	2026-11-27 17:48:08.748814+00
213	Hüseyin Jansen	huseyin.jansen@example.nl		06-22415295		31622415295		59251422613	12	Facilitair medewerker	Utrecht	gijs.degroot@example.nl	Inkoop	room admin		jansen huseyin	2026-11-27 17:48:08.748814+00	2026-11-27 17:48:08.748814+00
214	Roos Hoekstra	roos.hoekstra@example.nl	030-2100306	06-22423214	31302100306	31622423214	60300120313	41232422613	12	Facilitair medewerker	Utrecht	gijs.degroot@example.nl	BHV	room admin		hoekstra roos	2026-11-27 17:48:08.748814+00	2026-11-27 17:48:08.748814+00
215	Iris van Leeuwen	iris.vanleeuwen@example.nl	030-2100307	06-22431133	31302100307	31622431133	70300120313	33113422613	12	Facilitair medewerker	Utrecht	gijs.degroot@example.nl	BHV;Inkoop	room admin		leeuwen iris van	2026-11-27 17:48:08.748814+00	2026-11-27 17:48:08.748814+00
216	Stijn Vos	stijn.vos@example.nl		06-22439052		31622439052		25093422613	12	Receptionist	Utrecht	gijs.degroot@example.nl	Inkoop;BHV	room admin		vos stijn	2026-11-27 17:48:08.748814+00	2026-11-27 17:48:08.748814+00
217	Lars Dekker	lars.dekker@example.nl		06-22446971		31622446971		17964422613	13	Teamleider	Utrecht	marieke.terhorst@example.nl	Arabisch;Excel	team lead		dekker lars	2026-11-27 17:48:08.748814+00	2026-11-27 17:48:08.748814+00
218	Hüseyin Dekker	huseyin.dekker@example.nl		06-22454890		31622454890		09845422613	13	Controller	Utrecht	lars.dekker@example.nl	Excel;Arabisch			dekker huseyin	2026-11-27 17:48:08.748814+00	2026-11-27 17:48:08.748814+00
219	Sophie de Jong	sophie.dejong@example.nl		06-22462809		31622462809		90826422613	13	Boekhouder	Utrecht	lars.dekker@example.nl	Excel			jong sophie de	2026-11-27 17:48:08.748814+00	2026-11-27 17:48:08.748814+00
220	Iris Janssen	iris.janssen@example.nl		06-22470728		31622470728		82707422613	13	Boekhouder	Utrecht	lars.dekker@example.nl	Arabisch			janssen iris	2026-11-27 17:48:08.748814+00	2026-11-27 17:48:08.748814+00
221	Eva Brouwer	eva.brouwer@example.nl	030-2100313	06-22478647	31302100313	31622478647	31300120313	74687422613	13	Boekhouder	Utrecht	lars.dekker@example.nl	Arabisch;Excel			brouwer eva	2026-11-27 17:48:08.748814+00	2026-11-27 17:48:08.748814+00
222	Thijs de Jong	thijs.dejong@example.nl		06-22486566		31622486566		66568422613	13	Boekhouder	Utrecht	lars.dekker@example.nl	Excel			jong thijs de	2026-11-27 17:48:08.748814+00	2026-11-27 17:48:08.748814+00
223	Gijs Dijkstra	gijs.dijkstra@example.nl	030-2100315	06-22494485	31302100315	31622494485	51300120313	58449422613	13	Controller	Utrecht	lars.dekker@example.nl	Excel;Arabisch			dijkstra gijs	2026-11-27 17:48:08.748814+00	2026-11-27 17:48:08.748814+00
224	Daan Mulder	daan.mulder@example.nl		06-22502404		31622502404		40420522613	13	Boekhouder	Utrecht	lars.dekker@example.nl	Excel			mulder daan	2026-11-27 17:48:08.748814+00	2026-11-27 17:48:08.748814+00
225	Gijs Gastvrij	gijs@partner.example							14	Adviseur hulpmiddelen	Zeist			guest		gastvrij gijs	2026-11-27 17:48:08.748814+00	2026-11-27 17:48:08.748814+00
\.


--
-- Data for Name: person_terms; Type: TABLE DATA; Schema: public; Owner: -
--

COPY public.person_terms (term, person_id, display, field, weight, sort_key, department_id) FROM stdin;
anouk	1	Anouk	name	1	berg anouk van den	1
berg	1	Berg	name	1	berg anouk van den	1
oost	1	Oost	department	0.6	berg anouk van den	1
planning	1	Planning	skill	0.7	berg anouk van den	1
teamleider	1	Teamleider	title	0.5	berg anouk van den	1
utrecht	1	Utrecht	location	0.5	berg anouk van den	1
vandenberg	1	van den Berg	name	1	berg anouk van den	1
wondzorg	1	Wondzorg	skill	0.7	berg anouk van den	1
zorg	1	Zorg	department	0.6	berg anouk van den	1
zorgoost	1	Zorg Oost	department	0.6	berg anouk van den	1
devries	2	de Vries	name	1	vries jan de	1
ehbo	2	EHBO	skill	0.7	vries jan de	1
jan	2	Jan	name	1	vries jan de	1
oost	2	Oost	department	0.6	vries jan de	1
palliatieve	2	Palliatieve	skill	0.7	vries jan de	1
palliatievezorg	2	Palliatieve zorg	skill	0.7	vries jan de	1
utrecht	2	Utrecht	location	0.5	vries jan de	1
vries	2	Vries	name	1	vries jan de	1
wijkverpleegkundige	2	Wijkverpleegkundige	title	0.5	vries jan de	1
wondzorg	2	Wondzorg	skill	0.7	vries jan de	1
zorg	2	zorg	skill	0.7	vries jan de	1
zorgoost	2	Zorg Oost	department	0.6	vries jan de	1
anna	3	Anna	name	1	bakker anna	1
bakker	3	Bakker	name	1	bakker anna	1
ig	3	IG	title	0.5	bakker anna	1
medicatie	3	Medicatie	skill	0.7	bakker anna	1
oost	3	Oost	department	0.6	bakker anna	1
tilliften	3	Tilliften	skill	0.7	bakker anna	1
utrecht	3	Utrecht	location	0.5	bakker anna	1
verzorgende	3	Verzorgende	title	0.5	bakker anna	1
verzorgendeig	3	Verzorgende IG	title	0.5	bakker anna	1
zorg	3	Zorg	department	0.6	bakker anna	1
zorgoost	3	Zorg Oost	department	0.6	bakker anna	1
diabetes	4	Diabetes	skill	0.7	jansen pieter	1
jansen	4	Jansen	name	1	jansen pieter	1
oost	4	Oost	department	0.6	jansen pieter	1
pieter	4	Pieter	name	1	jansen pieter	1
utrecht	4	Utrecht	location	0.5	jansen pieter	1
wijkverpleegkundige	4	Wijkverpleegkundige	title	0.5	jansen pieter	1
wondzorg	4	Wondzorg	skill	0.7	jansen pieter	1
zorg	4	Zorg	department	0.6	jansen pieter	1
zorgoost	4	Zorg Oost	department	0.6	jansen pieter	1
boer	5	Boer	name	1	boer eva de	2
deboer	5	de Boer	name	1	boer eva de	2
eva	5	Eva	name	1	boer eva de	2
excel	5	Excel	skill	0.7	boer eva de	2
planner	5	Planner	title	0.5	boer eva de	2
planning	5	Planning	skill	0.7	boer eva de	2
utrecht	5	Utrecht	location	0.5	boer eva de	2
go	6	Go	skill	0.7	muller sanne	3
ict	6	ICT	department	0.6	muller sanne	3
muller	6	Müller	name	1	muller sanne	3
ontwikkelaar	6	Ontwikkelaar	title	0.5	muller sanne	3
postgresql	6	PostgreSQL	skill	0.7	muller sanne	3
sanne	6	Sanne	name	1	muller sanne	3
utrecht	6	Utrecht	location	0.5	muller sanne	3
bjorn	7	Bjørn	name	1	hansen bjorn	4
buitendienst	7	Buitendienst	department	0.6	hansen bjorn	4
duits	7	Duits	skill	0.7	hansen bjorn	4
hansen	7	Hansen	name	1	hansen bjorn	4
rijbewijs	7	Rijbewijs	skill	0.7	hansen bjorn	4
rijbewijsb	7	Rijbewijs B	skill	0.7	hansen bjorn	4
servicemonteur	7	Servicemonteur	title	0.5	hansen bjorn	4
tilliften	7	Tilliften	skill	0.7	hansen bjorn	4
zeist	7	Zeist	location	0.5	hansen bjorn	4
bestuurder	8	Directeur-bestuurder	title	0.5	horst marieke ter	5
directeur	8	Directeur-bestuurder	title	0.5	horst marieke ter	5
directeurbestuurder	8	Directeur-bestuurder	title	0.5	horst marieke ter	5
directie	8	Directie	department	0.6	horst marieke ter	5
horst	8	Horst	name	1	horst marieke ter	5
marieke	8	Marieke	name	1	horst marieke ter	5
terhorst	8	ter Horst	name	1	horst marieke ter	5
utrecht	8	Utrecht	location	0.5	horst marieke ter	5
bakker	9	Bakker	name	1	bakker lieke	1
dementie	9	Dementie	skill	0.7	bakker lieke	1
helpende	9	Helpende	title	0.5	bakker lieke	1
lieke	9	Lieke	name	1	bakker lieke	1
oost	9	Oost	department	0.6	bakker lieke	1
utrecht	9	Utrecht	location	0.5	bakker lieke	1
wondzorg	9	Wondzorg	skill	0.7	bakker lieke	1
zorg	9	Zorg	department	0.6	bakker lieke	1
zorgoost	9	Zorg Oost	department	0.6	bakker lieke	1
dementie	10	Dementie	skill	0.7	jansen eva	1
eva	10	Eva	name	1	jansen eva	1
ig	10	IG	title	0.5	jansen eva	1
jansen	10	Jansen	name	1	jansen eva	1
medicatie	10	Medicatie	skill	0.7	jansen eva	1
oost	10	Oost	department	0.6	jansen eva	1
utrecht	10	Utrecht	location	0.5	jansen eva	1
verzorgende	10	Verzorgende	title	0.5	jansen eva	1
verzorgendeig	10	Verzorgende IG	title	0.5	jansen eva	1
zorg	10	Zorg	department	0.6	jansen eva	1
zorgoost	10	Zorg Oost	department	0.6	jansen eva	1
dementie	11	Dementie	skill	0.7	meer maarten van der	1
helpende	11	Helpende	title	0.5	meer maarten van der	1
maarten	11	Maarten	name	1	meer maarten van der	1
medicatie	11	Medicatie	skill	0.7	meer maarten van der	1
meer	11	Meer	name	1	meer maarten van der	1
oost	11	Oost	department	0.6	meer maarten van der	1
utrecht	11	Utrecht	location	0.5	meer maarten van der	1
vandermeer	11	van der Meer	name	1	meer maarten van der	1
zorg	11	Zorg	department	0.6	meer maarten van der	1
zorgoost	11	Zorg Oost	department	0.6	meer maarten van der	1
dementie	12	Dementie	skill	0.7	wit lieke de	1
dewit	12	de Wit	name	1	wit lieke de	1
helpende	12	Helpende	title	0.5	wit lieke de	1
lieke	12	Lieke	name	1	wit lieke de	1
oost	12	Oost	department	0.6	wit lieke de	1
tilliften	12	Tilliften	skill	0.7	wit lieke de	1
utrecht	12	Utrecht	location	0.5	wit lieke de	1
wit	12	Wit	name	1	wit lieke de	1
zorg	12	Zorg	department	0.6	wit lieke de	1
zorgoost	12	Zorg Oost	department	0.6	wit lieke de	1
chloe	13	Chloë	name	1	dijkstra chloe	1
dijkstra	13	Dijkstra	name	1	dijkstra chloe	1
ig	13	IG	title	0.5	dijkstra chloe	1
oost	13	Oost	department	0.6	dijkstra chloe	1
palliatieve	13	Palliatieve	skill	0.7	dijkstra chloe	1
palliatievezorg	13	Palliatieve zorg	skill	0.7	dijkstra chloe	1
utrecht	13	Utrecht	location	0.5	dijkstra chloe	1
verzorgende	13	Verzorgende	title	0.5	dijkstra chloe	1
verzorgendeig	13	Verzorgende IG	title	0.5	dijkstra chloe	1
wondzorg	13	Wondzorg	skill	0.7	dijkstra chloe	1
zorg	13	zorg	skill	0.7	dijkstra chloe	1
zorgoost	13	Zorg Oost	department	0.6	dijkstra chloe	1
bjorn	14	Bjørn	name	1	jong bjorn de	1
dejong	14	de Jong	name	1	jong bjorn de	1
helpende	14	Helpende	title	0.5	jong bjorn de	1
jong	14	Jong	name	1	jong bjorn de	1
oost	14	Oost	department	0.6	jong bjorn de	1
palliatieve	14	Palliatieve	skill	0.7	jong bjorn de	1
palliatievezorg	14	Palliatieve zorg	skill	0.7	jong bjorn de	1
utrecht	14	Utrecht	location	0.5	jong bjorn de	1
zorg	14	zorg	skill	0.7	jong bjorn de	1
zorgoost	14	Zorg Oost	department	0.6	jong bjorn de	1
dementie	15	Dementie	skill	0.7	vries femke de	1
devries	15	de Vries	name	1	vries femke de	1
femke	15	Femke	name	1	vries femke de	1
oost	15	Oost	department	0.6	vries femke de	1
utrecht	15	Utrecht	location	0.5	vries femke de	1
vries	15	Vries	name	1	vries femke de	1
wijkverpleegkundige	15	Wijkverpleegkundige	title	0.5	vries femke de	1
zorg	15	Zorg	department	0.6	vries femke de	1
zorgoost	15	Zorg Oost	department	0.6	vries femke de	1
dijk	16	Dijk	name	1	dijk sanne van	1
ig	16	IG	title	0.5	dijk sanne van	1
oost	16	Oost	department	0.6	dijk sanne van	1
sanne	16	Sanne	name	1	dijk sanne van	1
tilliften	16	Tilliften	skill	0.7	dijk sanne van	1
utrecht	16	Utrecht	location	0.5	dijk sanne van	1
vandijk	16	van Dijk	name	1	dijk sanne van	1
verzorgende	16	Verzorgende	title	0.5	dijk sanne van	1
verzorgendeig	16	Verzorgende IG	title	0.5	dijk sanne van	1
wondzorg	16	Wondzorg	skill	0.7	dijk sanne van	1
zorg	16	Zorg	department	0.6	dijk sanne van	1
zorgoost	16	Zorg Oost	department	0.6	dijk sanne van	1
dejong	17	de Jong	name	1	jong gijs de	1
gijs	17	Gijs	name	1	jong gijs de	1
helpende	17	Helpende	title	0.5	jong gijs de	1
jong	17	Jong	name	1	jong gijs de	1
medicatie	17	Medicatie	skill	0.7	jong gijs de	1
oost	17	Oost	department	0.6	jong gijs de	1
utrecht	17	Utrecht	location	0.5	jong gijs de	1
zorg	17	Zorg	department	0.6	jong gijs de	1
zorgoost	17	Zorg Oost	department	0.6	jong gijs de	1
berg	18	Berg	name	1	berg lieke van den	1
lieke	18	Lieke	name	1	berg lieke van den	1
medicatie	18	Medicatie	skill	0.7	berg lieke van den	1
oost	18	Oost	department	0.6	berg lieke van den	1
tilliften	18	Tilliften	skill	0.7	berg lieke van den	1
utrecht	18	Utrecht	location	0.5	berg lieke van den	1
vandenberg	18	van den Berg	name	1	berg lieke van den	1
wijkverpleegkundige	18	Wijkverpleegkundige	title	0.5	berg lieke van den	1
zorg	18	Zorg	department	0.6	berg lieke van den	1
zorgoost	18	Zorg Oost	department	0.6	berg lieke van den	1
heuvel	19	Heuvel	name	1	heuvel niels van den	1
niels	19	Niels	name	1	heuvel niels van den	1
oost	19	Oost	department	0.6	heuvel niels van den	1
utrecht	19	Utrecht	location	0.5	heuvel niels van den	1
vandenheuvel	19	van den Heuvel	name	1	heuvel niels van den	1
wijkverpleegkundige	19	Wijkverpleegkundige	title	0.5	heuvel niels van den	1
wondzorg	19	Wondzorg	skill	0.7	heuvel niels van den	1
zorg	19	Zorg	department	0.6	heuvel niels van den	1
zorgoost	19	Zorg Oost	department	0.6	heuvel niels van den	1
marieke	20	Marieke	name	1	veen marieke van der	1
medicatie	20	Medicatie	skill	0.7	veen marieke van der	1
oost	20	Oost	department	0.6	veen marieke van der	1
utrecht	20	Utrecht	location	0.5	veen marieke van der	1
vanderveen	20	van der Veen	name	1	veen marieke van der	1
veen	20	Veen	name	1	veen marieke van der	1
wijkverpleegkundige	20	Wijkverpleegkundige	title	0.5	veen marieke van der	1
wondzorg	20	Wondzorg	skill	0.7	veen marieke van der	1
zorg	20	Zorg	department	0.6	veen marieke van der	1
zorgoost	20	Zorg Oost	department	0.6	veen marieke van der	1
bakker	21	Bakker	name	1	bakker thijs	1
helpende	21	Helpende	title	0.5	bakker thijs	1
medicatie	21	Medicatie	skill	0.7	bakker thijs	1
oost	21	Oost	department	0.6	bakker thijs	1
thijs	21	Thijs	name	1	bakker thijs	1
tilliften	21	Tilliften	skill	0.7	bakker thijs	1
utrecht	21	Utrecht	location	0.5	bakker thijs	1
zorg	21	Zorg	department	0.6	bakker thijs	1
zorgoost	21	Zorg Oost	department	0.6	bakker thijs	1
annelies	22	Annelies	name	1	brouwer annelies	1
brouwer	22	Brouwer	name	1	brouwer annelies	1
ig	22	IG	title	0.5	brouwer annelies	1
oost	22	Oost	department	0.6	brouwer annelies	1
utrecht	22	Utrecht	location	0.5	brouwer annelies	1
verzorgende	22	Verzorgende	title	0.5	brouwer annelies	1
verzorgendeig	22	Verzorgende IG	title	0.5	brouwer annelies	1
wondzorg	22	Wondzorg	skill	0.7	brouwer annelies	1
zorg	22	Zorg	department	0.6	brouwer annelies	1
zorgoost	22	Zorg Oost	department	0.6	brouwer annelies	1
dementie	23	Dementie	skill	0.7	heuvel joost van den	1
heuvel	23	Heuvel	name	1	heuvel joost van den	1
ig	23	IG	title	0.5	heuvel joost van den	1
joost	23	Joost	name	1	heuvel joost van den	1
oost	23	Oost	department	0.6	heuvel joost van den	1
utrecht	23	Utrecht	location	0.5	heuvel joost van den	1
vandenheuvel	23	van den Heuvel	name	1	heuvel joost van den	1
verzorgende	23	Verzorgende	title	0.5	heuvel joost van den	1
verzorgendeig	23	Verzorgende IG	title	0.5	heuvel joost van den	1
wondzorg	23	Wondzorg	skill	0.7	heuvel joost van den	1
zorg	23	Zorg	department	0.6	heuvel joost van den	1
zorgoost	23	Zorg Oost	department	0.6	heuvel joost van den	1
broek	24	Broek	name	1	broek ingrid van den	1
dementie	24	Dementie	skill	0.7	broek ingrid van den	1
ig	24	IG	title	0.5	broek ingrid van den	1
ingrid	24	Ingrid	name	1	broek ingrid van den	1
medicatie	24	Medicatie	skill	0.7	broek ingrid van den	1
oost	24	Oost	department	0.6	broek ingrid van den	1
utrecht	24	Utrecht	location	0.5	broek ingrid van den	1
vandenbroek	24	van den Broek	name	1	broek ingrid van den	1
verzorgende	24	Verzorgende	title	0.5	broek ingrid van den	1
verzorgendeig	24	Verzorgende IG	title	0.5	broek ingrid van den	1
zorg	24	Zorg	department	0.6	broek ingrid van den	1
zorgoost	24	Zorg Oost	department	0.6	broek ingrid van den	1
helpende	25	Helpende	title	0.5	leeuwen julia van	1
julia	25	Julia	name	1	leeuwen julia van	1
leeuwen	25	Leeuwen	name	1	leeuwen julia van	1
oost	25	Oost	department	0.6	leeuwen julia van	1
utrecht	25	Utrecht	location	0.5	leeuwen julia van	1
vanleeuwen	25	van Leeuwen	name	1	leeuwen julia van	1
wondzorg	25	Wondzorg	skill	0.7	leeuwen julia van	1
zorg	25	Zorg	department	0.6	leeuwen julia van	1
zorgoost	25	Zorg Oost	department	0.6	leeuwen julia van	1
ig	26	IG	title	0.5	meijer marieke	1
marieke	26	Marieke	name	1	meijer marieke	1
meijer	26	Meijer	name	1	meijer marieke	1
oost	26	Oost	department	0.6	meijer marieke	1
tilliften	26	Tilliften	skill	0.7	meijer marieke	1
utrecht	26	Utrecht	location	0.5	meijer marieke	1
verzorgende	26	Verzorgende	title	0.5	meijer marieke	1
verzorgendeig	26	Verzorgende IG	title	0.5	meijer marieke	1
zorg	26	Zorg	department	0.6	meijer marieke	1
zorgoost	26	Zorg Oost	department	0.6	meijer marieke	1
broek	27	Broek	name	1	broek koen van den	1
helpende	27	Helpende	title	0.5	broek koen van den	1
koen	27	Koen	name	1	broek koen van den	1
oost	27	Oost	department	0.6	broek koen van den	1
tilliften	27	Tilliften	skill	0.7	broek koen van den	1
utrecht	27	Utrecht	location	0.5	broek koen van den	1
vandenbroek	27	van den Broek	name	1	broek koen van den	1
zorg	27	Zorg	department	0.6	broek koen van den	1
zorgoost	27	Zorg Oost	department	0.6	broek koen van den	1
bakker	28	Bakker	name	1	bakker iris	1
iris	28	Iris	name	1	bakker iris	1
oost	28	Oost	department	0.6	bakker iris	1
palliatieve	28	Palliatieve	skill	0.7	bakker iris	1
palliatievezorg	28	Palliatieve zorg	skill	0.7	bakker iris	1
utrecht	28	Utrecht	location	0.5	bakker iris	1
wijkverpleegkundige	28	Wijkverpleegkundige	title	0.5	bakker iris	1
zorg	28	zorg	skill	0.7	bakker iris	1
zorgoost	28	Zorg Oost	department	0.6	bakker iris	1
dementie	29	Dementie	skill	0.7	smit henk	1
helpende	29	Helpende	title	0.5	smit henk	1
henk	29	Henk	name	1	smit henk	1
oost	29	Oost	department	0.6	smit henk	1
smit	29	Smit	name	1	smit henk	1
utrecht	29	Utrecht	location	0.5	smit henk	1
wondzorg	29	Wondzorg	skill	0.7	smit henk	1
zorg	29	Zorg	department	0.6	smit henk	1
zorgoost	29	Zorg Oost	department	0.6	smit henk	1
huseyin	30	Hüseyin	name	1	mulder huseyin	1
mulder	30	Mulder	name	1	mulder huseyin	1
oost	30	Oost	department	0.6	mulder huseyin	1
utrecht	30	Utrecht	location	0.5	mulder huseyin	1
wijkverpleegkundige	30	Wijkverpleegkundige	title	0.5	mulder huseyin	1
wondzorg	30	Wondzorg	skill	0.7	mulder huseyin	1
zorg	30	Zorg	department	0.6	mulder huseyin	1
zorgoost	30	Zorg Oost	department	0.6	mulder huseyin	1
esther	31	Esther	name	1	muller esther	1
muller	31	Müller	name	1	muller esther	1
oost	31	Oost	department	0.6	muller esther	1
utrecht	31	Utrecht	location	0.5	muller esther	1
wijkverpleegkundige	31	Wijkverpleegkundige	title	0.5	muller esther	1
wondzorg	31	Wondzorg	skill	0.7	muller esther	1
zorg	31	Zorg	department	0.6	muller esther	1
zorgoost	31	Zorg Oost	department	0.6	muller esther	1
helpende	32	Helpende	title	0.5	mulder wietske	1
mulder	32	Mulder	name	1	mulder wietske	1
oost	32	Oost	department	0.6	mulder wietske	1
palliatieve	32	Palliatieve	skill	0.7	mulder wietske	1
palliatievezorg	32	Palliatieve zorg	skill	0.7	mulder wietske	1
tilliften	32	Tilliften	skill	0.7	mulder wietske	1
utrecht	32	Utrecht	location	0.5	mulder wietske	1
wietske	32	Wietske	name	1	mulder wietske	1
zorg	32	zorg	skill	0.7	mulder wietske	1
zorgoost	32	Zorg Oost	department	0.6	mulder wietske	1
beek	33	Beek	name	1	beek tess van	1
dementie	33	Dementie	skill	0.7	beek tess van	1
ig	33	IG	title	0.5	beek tess van	1
oost	33	Oost	department	0.6	beek tess van	1
tess	33	Tess	name	1	beek tess van	1
utrecht	33	Utrecht	location	0.5	beek tess van	1
vanbeek	33	van Beek	name	1	beek tess van	1
verzorgende	33	Verzorgende	title	0.5	beek tess van	1
verzorgendeig	33	Verzorgende IG	title	0.5	beek tess van	1
wondzorg	33	Wondzorg	skill	0.7	beek tess van	1
zorg	33	Zorg	department	0.6	beek tess van	1
zorgoost	33	Zorg Oost	department	0.6	beek tess van	1
degraaf	34	de Graaf	name	1	graaf renee de	1
graaf	34	Graaf	name	1	graaf renee de	1
helpende	34	Helpende	title	0.5	graaf renee de	1
medicatie	34	Medicatie	skill	0.7	graaf renee de	1
oost	34	Oost	department	0.6	graaf renee de	1
renee	34	Renée	name	1	graaf renee de	1
utrecht	34	Utrecht	location	0.5	graaf renee de	1
wondzorg	34	Wondzorg	skill	0.7	graaf renee de	1
zorg	34	Zorg	department	0.6	graaf renee de	1
zorgoost	34	Zorg Oost	department	0.6	graaf renee de	1
ig	35	IG	title	0.5	leeuwen milan van	1
leeuwen	35	Leeuwen	name	1	leeuwen milan van	1
medicatie	35	Medicatie	skill	0.7	leeuwen milan van	1
milan	35	Milan	name	1	leeuwen milan van	1
oost	35	Oost	department	0.6	leeuwen milan van	1
utrecht	35	Utrecht	location	0.5	leeuwen milan van	1
vanleeuwen	35	van Leeuwen	name	1	leeuwen milan van	1
verzorgende	35	Verzorgende	title	0.5	leeuwen milan van	1
verzorgendeig	35	Verzorgende IG	title	0.5	leeuwen milan van	1
wondzorg	35	Wondzorg	skill	0.7	leeuwen milan van	1
zorg	35	Zorg	department	0.6	leeuwen milan van	1
zorgoost	35	Zorg Oost	department	0.6	leeuwen milan van	1
bakker	36	Bakker	name	1	bakker julia	1
ig	36	IG	title	0.5	bakker julia	1
julia	36	Julia	name	1	bakker julia	1
oost	36	Oost	department	0.6	bakker julia	1
palliatieve	36	Palliatieve	skill	0.7	bakker julia	1
palliatievezorg	36	Palliatieve zorg	skill	0.7	bakker julia	1
utrecht	36	Utrecht	location	0.5	bakker julia	1
verzorgende	36	Verzorgende	title	0.5	bakker julia	1
verzorgendeig	36	Verzorgende IG	title	0.5	bakker julia	1
zorg	36	zorg	skill	0.7	bakker julia	1
zorgoost	36	Zorg Oost	department	0.6	bakker julia	1
dementie	37	Dementie	skill	0.7	mulder julia	1
julia	37	Julia	name	1	mulder julia	1
mulder	37	Mulder	name	1	mulder julia	1
oost	37	Oost	department	0.6	mulder julia	1
utrecht	37	Utrecht	location	0.5	mulder julia	1
wijkverpleegkundige	37	Wijkverpleegkundige	title	0.5	mulder julia	1
zorg	37	Zorg	department	0.6	mulder julia	1
zorgoost	37	Zorg Oost	department	0.6	mulder julia	1
berg	38	Berg	name	1	berg maarten van den	1
helpende	38	Helpende	title	0.5	berg maarten van den	1
maarten	38	Maarten	name	1	berg maarten van den	1
oost	38	Oost	department	0.6	berg maarten van den	1
palliatieve	38	Palliatieve	skill	0.7	berg maarten van den	1
palliatievezorg	38	Palliatieve zorg	skill	0.7	berg maarten van den	1
utrecht	38	Utrecht	location	0.5	berg maarten van den	1
vandenberg	38	van den Berg	name	1	berg maarten van den	1
wondzorg	38	Wondzorg	skill	0.7	berg maarten van den	1
zorg	38	zorg	skill	0.7	berg maarten van den	1
zorgoost	38	Zorg Oost	department	0.6	berg maarten van den	1
dementie	39	Dementie	skill	0.7	jansen tess	1
helpende	39	Helpende	title	0.5	jansen tess	1
jansen	39	Jansen	name	1	jansen tess	1
medicatie	39	Medicatie	skill	0.7	jansen tess	1
oost	39	Oost	department	0.6	jansen tess	1
tess	39	Tess	name	1	jansen tess	1
utrecht	39	Utrecht	location	0.5	jansen tess	1
zorg	39	Zorg	department	0.6	jansen tess	1
zorgoost	39	Zorg Oost	department	0.6	jansen tess	1
iris	40	Iris	name	1	meer iris van der	1
meer	40	Meer	name	1	meer iris van der	1
oost	40	Oost	department	0.6	meer iris van der	1
palliatieve	40	Palliatieve	skill	0.7	meer iris van der	1
palliatievezorg	40	Palliatieve zorg	skill	0.7	meer iris van der	1
utrecht	40	Utrecht	location	0.5	meer iris van der	1
vandermeer	40	van der Meer	name	1	meer iris van der	1
wijkverpleegkundige	40	Wijkverpleegkundige	title	0.5	meer iris van der	1
zorg	40	zorg	skill	0.7	meer iris van der	1
zorgoost	40	Zorg Oost	department	0.6	meer iris van der	1
huseyin	41	Hüseyin	name	1	meijer huseyin	1
medicatie	41	Medicatie	skill	0.7	meijer huseyin	1
meijer	41	Meijer	name	1	meijer huseyin	1
oost	41	Oost	department	0.6	meijer huseyin	1
utrecht	41	Utrecht	location	0.5	meijer huseyin	1
wijkverpleegkundige	41	Wijkverpleegkundige	title	0.5	meijer huseyin	1
zorg	41	Zorg	department	0.6	meijer huseyin	1
zorgoost	41	Zorg Oost	department	0.6	meijer huseyin	1
dejong	42	de Jong	name	1	jong ingrid de	1
ig	42	IG	title	0.5	jong ingrid de	1
ingrid	42	Ingrid	name	1	jong ingrid de	1
jong	42	Jong	name	1	jong ingrid de	1
medicatie	42	Medicatie	skill	0.7	jong ingrid de	1
oost	42	Oost	department	0.6	jong ingrid de	1
utrecht	42	Utrecht	location	0.5	jong ingrid de	1
verzorgende	42	Verzorgende	title	0.5	jong ingrid de	1
verzorgendeig	42	Verzorgende IG	title	0.5	jong ingrid de	1
wondzorg	42	Wondzorg	skill	0.7	jong ingrid de	1
zorg	42	Zorg	department	0.6	jong ingrid de	1
zorgoost	42	Zorg Oost	department	0.6	jong ingrid de	1
diabetes	43	Diabetes	skill	0.7	linden noor van der	6
linden	43	Linden	name	1	linden noor van der	6
medicatie	43	Medicatie	skill	0.7	linden noor van der	6
noor	43	Noor	name	1	linden noor van der	6
teamleider	43	Teamleider	title	0.5	linden noor van der	6
vanderlinden	43	van der Linden	name	1	linden noor van der	6
west	43	West	department	0.6	linden noor van der	6
woerden	43	Woerden	location	0.5	linden noor van der	6
zorg	43	Zorg	department	0.6	linden noor van der	6
zorgwest	43	Zorg West	department	0.6	linden noor van der	6
jansen	44	Jansen	name	1	jansen renee	6
renee	44	Renée	name	1	jansen renee	6
tilliften	44	Tilliften	skill	0.7	jansen renee	6
west	44	West	department	0.6	jansen renee	6
wijkverpleegkundige	44	Wijkverpleegkundige	title	0.5	jansen renee	6
woerden	44	Woerden	location	0.5	jansen renee	6
wondzorg	44	Wondzorg	skill	0.7	jansen renee	6
zorg	44	Zorg	department	0.6	jansen renee	6
zorgwest	44	Zorg West	department	0.6	jansen renee	6
helpende	45	Helpende	title	0.5	meijer sietske	6
medicatie	45	Medicatie	skill	0.7	meijer sietske	6
meijer	45	Meijer	name	1	meijer sietske	6
sietske	45	Sietske	name	1	meijer sietske	6
tilliften	45	Tilliften	skill	0.7	meijer sietske	6
west	45	West	department	0.6	meijer sietske	6
woerden	45	Woerden	location	0.5	meijer sietske	6
zorg	45	Zorg	department	0.6	meijer sietske	6
zorgwest	45	Zorg West	department	0.6	meijer sietske	6
hoekstra	46	Hoekstra	name	1	hoekstra ruben	6
ig	46	IG	title	0.5	hoekstra ruben	6
medicatie	46	Medicatie	skill	0.7	hoekstra ruben	6
ruben	46	Ruben	name	1	hoekstra ruben	6
verzorgende	46	Verzorgende	title	0.5	hoekstra ruben	6
verzorgendeig	46	Verzorgende IG	title	0.5	hoekstra ruben	6
west	46	West	department	0.6	hoekstra ruben	6
woerden	46	Woerden	location	0.5	hoekstra ruben	6
wondzorg	46	Wondzorg	skill	0.7	hoekstra ruben	6
zorg	46	Zorg	department	0.6	hoekstra ruben	6
zorgwest	46	Zorg West	department	0.6	hoekstra ruben	6
anna	47	Anna	name	1	hendriks anna	6
diabetes	47	Diabetes	skill	0.7	hendriks anna	6
hendriks	47	Hendriks	name	1	hendriks anna	6
ig	47	IG	title	0.5	hendriks anna	6
verzorgende	47	Verzorgende	title	0.5	hendriks anna	6
verzorgendeig	47	Verzorgende IG	title	0.5	hendriks anna	6
west	47	West	department	0.6	hendriks anna	6
woerden	47	Woerden	location	0.5	hendriks anna	6
zorg	47	Zorg	department	0.6	hendriks anna	6
zorgwest	47	Zorg West	department	0.6	hendriks anna	6
diabetes	48	Diabetes	skill	0.7	mulder sanne	6
helpende	48	Helpende	title	0.5	mulder sanne	6
mulder	48	Mulder	name	1	mulder sanne	6
sanne	48	Sanne	name	1	mulder sanne	6
west	48	West	department	0.6	mulder sanne	6
woerden	48	Woerden	location	0.5	mulder sanne	6
zorg	48	Zorg	department	0.6	mulder sanne	6
zorgwest	48	Zorg West	department	0.6	mulder sanne	6
berg	49	Berg	name	1	berg iris van den	6
ig	49	IG	title	0.5	berg iris van den	6
iris	49	Iris	name	1	berg iris van den	6
tilliften	49	Tilliften	skill	0.7	berg iris van den	6
vandenberg	49	van den Berg	name	1	berg iris van den	6
verzorgende	49	Verzorgende	title	0.5	berg iris van den	6
verzorgendeig	49	Verzorgende IG	title	0.5	berg iris van den	6
west	49	West	department	0.6	berg iris van den	6
woerden	49	Woerden	location	0.5	berg iris van den	6
zorg	49	Zorg	department	0.6	berg iris van den	6
zorgwest	49	Zorg West	department	0.6	berg iris van den	6
diabetes	50	Diabetes	skill	0.7	visser thijs	6
thijs	50	Thijs	name	1	visser thijs	6
visser	50	Visser	name	1	visser thijs	6
west	50	West	department	0.6	visser thijs	6
wijkverpleegkundige	50	Wijkverpleegkundige	title	0.5	visser thijs	6
woerden	50	Woerden	location	0.5	visser thijs	6
wondzorg	50	Wondzorg	skill	0.7	visser thijs	6
zorg	50	Zorg	department	0.6	visser thijs	6
zorgwest	50	Zorg West	department	0.6	visser thijs	6
helpende	51	Helpende	title	0.5	linden roos van der	6
linden	51	Linden	name	1	linden roos van der	6
roos	51	Roos	name	1	linden roos van der	6
tilliften	51	Tilliften	skill	0.7	linden roos van der	6
vanderlinden	51	van der Linden	name	1	linden roos van der	6
west	51	West	department	0.6	linden roos van der	6
woerden	51	Woerden	location	0.5	linden roos van der	6
wondzorg	51	Wondzorg	skill	0.7	linden roos van der	6
zorg	51	Zorg	department	0.6	linden roos van der	6
zorgwest	51	Zorg West	department	0.6	linden roos van der	6
devries	52	de Vries	name	1	vries ruben de	6
ruben	52	Ruben	name	1	vries ruben de	6
tilliften	52	Tilliften	skill	0.7	vries ruben de	6
vries	52	Vries	name	1	vries ruben de	6
west	52	West	department	0.6	vries ruben de	6
wijkverpleegkundige	52	Wijkverpleegkundige	title	0.5	vries ruben de	6
woerden	52	Woerden	location	0.5	vries ruben de	6
zorg	52	Zorg	department	0.6	vries ruben de	6
zorgwest	52	Zorg West	department	0.6	vries ruben de	6
amrani	53	Amrani	name	1	el amrani milan	6
diabetes	53	Diabetes	skill	0.7	el amrani milan	6
el	53	El	name	1	el amrani milan	6
elamrani	53	El Amrani	name	1	el amrani milan	6
milan	53	Milan	name	1	el amrani milan	6
west	53	West	department	0.6	el amrani milan	6
wijkverpleegkundige	53	Wijkverpleegkundige	title	0.5	el amrani milan	6
woerden	53	Woerden	location	0.5	el amrani milan	6
zorg	53	Zorg	department	0.6	el amrani milan	6
zorgwest	53	Zorg West	department	0.6	el amrani milan	6
diabetes	54	Diabetes	skill	0.7	vermeulen milan	6
helpende	54	Helpende	title	0.5	vermeulen milan	6
milan	54	Milan	name	1	vermeulen milan	6
vermeulen	54	Vermeulen	name	1	vermeulen milan	6
west	54	West	department	0.6	vermeulen milan	6
woerden	54	Woerden	location	0.5	vermeulen milan	6
zorg	54	Zorg	department	0.6	vermeulen milan	6
zorgwest	54	Zorg West	department	0.6	vermeulen milan	6
diabetes	55	Diabetes	skill	0.7	nijland stijn	6
ig	55	IG	title	0.5	nijland stijn	6
medicatie	55	Medicatie	skill	0.7	nijland stijn	6
nijland	55	Nijland	name	1	nijland stijn	6
stijn	55	Stijn	name	1	nijland stijn	6
verzorgende	55	Verzorgende	title	0.5	nijland stijn	6
verzorgendeig	55	Verzorgende IG	title	0.5	nijland stijn	6
west	55	West	department	0.6	nijland stijn	6
woerden	55	Woerden	location	0.5	nijland stijn	6
zorg	55	Zorg	department	0.6	nijland stijn	6
zorgwest	55	Zorg West	department	0.6	nijland stijn	6
diabetes	56	Diabetes	skill	0.7	peters milan	6
ig	56	IG	title	0.5	peters milan	6
milan	56	Milan	name	1	peters milan	6
peters	56	Peters	name	1	peters milan	6
verzorgende	56	Verzorgende	title	0.5	peters milan	6
verzorgendeig	56	Verzorgende IG	title	0.5	peters milan	6
west	56	West	department	0.6	peters milan	6
woerden	56	Woerden	location	0.5	peters milan	6
zorg	56	Zorg	department	0.6	peters milan	6
zorgwest	56	Zorg West	department	0.6	peters milan	6
bjorn	57	Bjørn	name	1	nijland bjorn	6
helpende	57	Helpende	title	0.5	nijland bjorn	6
medicatie	57	Medicatie	skill	0.7	nijland bjorn	6
nijland	57	Nijland	name	1	nijland bjorn	6
tilliften	57	Tilliften	skill	0.7	nijland bjorn	6
west	57	West	department	0.6	nijland bjorn	6
woerden	57	Woerden	location	0.5	nijland bjorn	6
zorg	57	Zorg	department	0.6	nijland bjorn	6
zorgwest	57	Zorg West	department	0.6	nijland bjorn	6
dejong	58	de Jong	name	1	jong joost de	6
ig	58	IG	title	0.5	jong joost de	6
jong	58	Jong	name	1	jong joost de	6
joost	58	Joost	name	1	jong joost de	6
tilliften	58	Tilliften	skill	0.7	jong joost de	6
verzorgende	58	Verzorgende	title	0.5	jong joost de	6
verzorgendeig	58	Verzorgende IG	title	0.5	jong joost de	6
west	58	West	department	0.6	jong joost de	6
woerden	58	Woerden	location	0.5	jong joost de	6
wondzorg	58	Wondzorg	skill	0.7	jong joost de	6
zorg	58	Zorg	department	0.6	jong joost de	6
zorgwest	58	Zorg West	department	0.6	jong joost de	6
diabetes	59	Diabetes	skill	0.7	jacobs thijs	6
jacobs	59	Jacobs	name	1	jacobs thijs	6
medicatie	59	Medicatie	skill	0.7	jacobs thijs	6
thijs	59	Thijs	name	1	jacobs thijs	6
west	59	West	department	0.6	jacobs thijs	6
wijkverpleegkundige	59	Wijkverpleegkundige	title	0.5	jacobs thijs	6
woerden	59	Woerden	location	0.5	jacobs thijs	6
zorg	59	Zorg	department	0.6	jacobs thijs	6
zorgwest	59	Zorg West	department	0.6	jacobs thijs	6
hoekstra	60	Hoekstra	name	1	hoekstra sanne	6
ig	60	IG	title	0.5	hoekstra sanne	6
sanne	60	Sanne	name	1	hoekstra sanne	6
verzorgende	60	Verzorgende	title	0.5	hoekstra sanne	6
verzorgendeig	60	Verzorgende IG	title	0.5	hoekstra sanne	6
west	60	West	department	0.6	hoekstra sanne	6
woerden	60	Woerden	location	0.5	hoekstra sanne	6
wondzorg	60	Wondzorg	skill	0.7	hoekstra sanne	6
zorg	60	Zorg	department	0.6	hoekstra sanne	6
zorgwest	60	Zorg West	department	0.6	hoekstra sanne	6
ig	61	IG	title	0.5	kuipers wouter	6
kuipers	61	Kuipers	name	1	kuipers wouter	6
tilliften	61	Tilliften	skill	0.7	kuipers wouter	6
verzorgende	61	Verzorgende	title	0.5	kuipers wouter	6
verzorgendeig	61	Verzorgende IG	title	0.5	kuipers wouter	6
west	61	West	department	0.6	kuipers wouter	6
woerden	61	Woerden	location	0.5	kuipers wouter	6
wouter	61	Wouter	name	1	kuipers wouter	6
zorg	61	Zorg	department	0.6	kuipers wouter	6
zorgwest	61	Zorg West	department	0.6	kuipers wouter	6
hoekstra	62	Hoekstra	name	1	hoekstra thijs	6
thijs	62	Thijs	name	1	hoekstra thijs	6
tilliften	62	Tilliften	skill	0.7	hoekstra thijs	6
west	62	West	department	0.6	hoekstra thijs	6
wijkverpleegkundige	62	Wijkverpleegkundige	title	0.5	hoekstra thijs	6
woerden	62	Woerden	location	0.5	hoekstra thijs	6
zorg	62	Zorg	department	0.6	hoekstra thijs	6
zorgwest	62	Zorg West	department	0.6	hoekstra thijs	6
degroot	63	de Groot	name	1	groot maarten de	6
groot	63	Groot	name	1	groot maarten de	6
helpende	63	Helpende	title	0.5	groot maarten de	6
maarten	63	Maarten	name	1	groot maarten de	6
medicatie	63	Medicatie	skill	0.7	groot maarten de	6
tilliften	63	Tilliften	skill	0.7	groot maarten de	6
west	63	West	department	0.6	groot maarten de	6
woerden	63	Woerden	location	0.5	groot maarten de	6
zorg	63	Zorg	department	0.6	groot maarten de	6
zorgwest	63	Zorg West	department	0.6	groot maarten de	6
janssen	64	Janssen	name	1	janssen thijs	6
medicatie	64	Medicatie	skill	0.7	janssen thijs	6
thijs	64	Thijs	name	1	janssen thijs	6
west	64	West	department	0.6	janssen thijs	6
wijkverpleegkundige	64	Wijkverpleegkundige	title	0.5	janssen thijs	6
woerden	64	Woerden	location	0.5	janssen thijs	6
zorg	64	Zorg	department	0.6	janssen thijs	6
zorgwest	64	Zorg West	department	0.6	janssen thijs	6
devries	65	de Vries	name	1	vries pieter de	6
helpende	65	Helpende	title	0.5	vries pieter de	6
medicatie	65	Medicatie	skill	0.7	vries pieter de	6
pieter	65	Pieter	name	1	vries pieter de	6
tilliften	65	Tilliften	skill	0.7	vries pieter de	6
vries	65	Vries	name	1	vries pieter de	6
west	65	West	department	0.6	vries pieter de	6
woerden	65	Woerden	location	0.5	vries pieter de	6
zorg	65	Zorg	department	0.6	vries pieter de	6
zorgwest	65	Zorg West	department	0.6	vries pieter de	6
dejong	66	de Jong	name	1	jong wouter de	6
ig	66	IG	title	0.5	jong wouter de	6
jong	66	Jong	name	1	jong wouter de	6
medicatie	66	Medicatie	skill	0.7	jong wouter de	6
verzorgende	66	Verzorgende	title	0.5	jong wouter de	6
verzorgendeig	66	Verzorgende IG	title	0.5	jong wouter de	6
west	66	West	department	0.6	jong wouter de	6
woerden	66	Woerden	location	0.5	jong wouter de	6
wondzorg	66	Wondzorg	skill	0.7	jong wouter de	6
wouter	66	Wouter	name	1	jong wouter de	6
zorg	66	Zorg	department	0.6	jong wouter de	6
zorgwest	66	Zorg West	department	0.6	jong wouter de	6
jansen	67	Jansen	name	1	jansen ruben	6
ruben	67	Ruben	name	1	jansen ruben	6
west	67	West	department	0.6	jansen ruben	6
wijkverpleegkundige	67	Wijkverpleegkundige	title	0.5	jansen ruben	6
woerden	67	Woerden	location	0.5	jansen ruben	6
wondzorg	67	Wondzorg	skill	0.7	jansen ruben	6
zorg	67	Zorg	department	0.6	jansen ruben	6
zorgwest	67	Zorg West	department	0.6	jansen ruben	6
amrani	68	Amrani	name	1	el amrani chloe	6
chloe	68	Chloë	name	1	el amrani chloe	6
diabetes	68	Diabetes	skill	0.7	el amrani chloe	6
el	68	El	name	1	el amrani chloe	6
elamrani	68	El Amrani	name	1	el amrani chloe	6
ig	68	IG	title	0.5	el amrani chloe	6
verzorgende	68	Verzorgende	title	0.5	el amrani chloe	6
verzorgendeig	68	Verzorgende IG	title	0.5	el amrani chloe	6
west	68	West	department	0.6	el amrani chloe	6
woerden	68	Woerden	location	0.5	el amrani chloe	6
wondzorg	68	Wondzorg	skill	0.7	el amrani chloe	6
zorg	68	Zorg	department	0.6	el amrani chloe	6
zorgwest	68	Zorg West	department	0.6	el amrani chloe	6
dejong	69	de Jong	name	1	jong fatima de	6
diabetes	69	Diabetes	skill	0.7	jong fatima de	6
fatima	69	Fatima	name	1	jong fatima de	6
jong	69	Jong	name	1	jong fatima de	6
medicatie	69	Medicatie	skill	0.7	jong fatima de	6
west	69	West	department	0.6	jong fatima de	6
wijkverpleegkundige	69	Wijkverpleegkundige	title	0.5	jong fatima de	6
woerden	69	Woerden	location	0.5	jong fatima de	6
zorg	69	Zorg	department	0.6	jong fatima de	6
zorgwest	69	Zorg West	department	0.6	jong fatima de	6
jansen	70	Jansen	name	1	jansen stijn	6
stijn	70	Stijn	name	1	jansen stijn	6
tilliften	70	Tilliften	skill	0.7	jansen stijn	6
west	70	West	department	0.6	jansen stijn	6
wijkverpleegkundige	70	Wijkverpleegkundige	title	0.5	jansen stijn	6
woerden	70	Woerden	location	0.5	jansen stijn	6
wondzorg	70	Wondzorg	skill	0.7	jansen stijn	6
zorg	70	Zorg	department	0.6	jansen stijn	6
zorgwest	70	Zorg West	department	0.6	jansen stijn	6
berg	71	Berg	name	1	berg zoe van den	6
helpende	71	Helpende	title	0.5	berg zoe van den	6
tilliften	71	Tilliften	skill	0.7	berg zoe van den	6
vandenberg	71	van den Berg	name	1	berg zoe van den	6
west	71	West	department	0.6	berg zoe van den	6
woerden	71	Woerden	location	0.5	berg zoe van den	6
zoe	71	Zoë	name	1	berg zoe van den	6
zorg	71	Zorg	department	0.6	berg zoe van den	6
zorgwest	71	Zorg West	department	0.6	berg zoe van den	6
bakker	72	Bakker	name	1	bakker wietske	6
medicatie	72	Medicatie	skill	0.7	bakker wietske	6
west	72	West	department	0.6	bakker wietske	6
wietske	72	Wietske	name	1	bakker wietske	6
wijkverpleegkundige	72	Wijkverpleegkundige	title	0.5	bakker wietske	6
woerden	72	Woerden	location	0.5	bakker wietske	6
wondzorg	72	Wondzorg	skill	0.7	bakker wietske	6
zorg	72	Zorg	department	0.6	bakker wietske	6
zorgwest	72	Zorg West	department	0.6	bakker wietske	6
amersfoort	73	Amersfoort	location	0.5	jong daan de	7
daan	73	Daan	name	1	jong daan de	7
dejong	73	de Jong	name	1	jong daan de	7
jong	73	Jong	name	1	jong daan de	7
noord	73	Noord	department	0.6	jong daan de	7
palliatieve	73	Palliatieve	skill	0.7	jong daan de	7
palliatievezorg	73	Palliatieve zorg	skill	0.7	jong daan de	7
teamleider	73	Teamleider	title	0.5	jong daan de	7
wondzorg	73	Wondzorg	skill	0.7	jong daan de	7
zorg	73	zorg	skill	0.7	jong daan de	7
zorgnoord	73	Zorg Noord	department	0.6	jong daan de	7
amersfoort	74	Amersfoort	location	0.5	huisman willemijn	7
huisman	74	Huisman	name	1	huisman willemijn	7
noord	74	Noord	department	0.6	huisman willemijn	7
wijkverpleegkundige	74	Wijkverpleegkundige	title	0.5	huisman willemijn	7
willemijn	74	Willemijn	name	1	huisman willemijn	7
wondzorg	74	Wondzorg	skill	0.7	huisman willemijn	7
zorg	74	Zorg	department	0.6	huisman willemijn	7
zorgnoord	74	Zorg Noord	department	0.6	huisman willemijn	7
amersfoort	75	Amersfoort	location	0.5	dijk mirjam van	7
dijk	75	Dijk	name	1	dijk mirjam van	7
mirjam	75	Mirjam	name	1	dijk mirjam van	7
noord	75	Noord	department	0.6	dijk mirjam van	7
palliatieve	75	Palliatieve	skill	0.7	dijk mirjam van	7
palliatievezorg	75	Palliatieve zorg	skill	0.7	dijk mirjam van	7
vandijk	75	van Dijk	name	1	dijk mirjam van	7
wijkverpleegkundige	75	Wijkverpleegkundige	title	0.5	dijk mirjam van	7
zorg	75	zorg	skill	0.7	dijk mirjam van	7
zorgnoord	75	Zorg Noord	department	0.6	dijk mirjam van	7
amersfoort	76	Amersfoort	location	0.5	koster marieke	7
dementie	76	Dementie	skill	0.7	koster marieke	7
ig	76	IG	title	0.5	koster marieke	7
koster	76	Koster	name	1	koster marieke	7
marieke	76	Marieke	name	1	koster marieke	7
noord	76	Noord	department	0.6	koster marieke	7
verzorgende	76	Verzorgende	title	0.5	koster marieke	7
verzorgendeig	76	Verzorgende IG	title	0.5	koster marieke	7
zorg	76	Zorg	department	0.6	koster marieke	7
zorgnoord	76	Zorg Noord	department	0.6	koster marieke	7
amersfoort	77	Amersfoort	location	0.5	kok milan	7
ig	77	IG	title	0.5	kok milan	7
kok	77	Kok	name	1	kok milan	7
milan	77	Milan	name	1	kok milan	7
noord	77	Noord	department	0.6	kok milan	7
palliatieve	77	Palliatieve	skill	0.7	kok milan	7
palliatievezorg	77	Palliatieve zorg	skill	0.7	kok milan	7
verzorgende	77	Verzorgende	title	0.5	kok milan	7
verzorgendeig	77	Verzorgende IG	title	0.5	kok milan	7
zorg	77	zorg	skill	0.7	kok milan	7
zorgnoord	77	Zorg Noord	department	0.6	kok milan	7
amersfoort	78	Amersfoort	location	0.5	smit niels	7
ig	78	IG	title	0.5	smit niels	7
niels	78	Niels	name	1	smit niels	7
noord	78	Noord	department	0.6	smit niels	7
smit	78	Smit	name	1	smit niels	7
verzorgende	78	Verzorgende	title	0.5	smit niels	7
verzorgendeig	78	Verzorgende IG	title	0.5	smit niels	7
wondzorg	78	Wondzorg	skill	0.7	smit niels	7
zorg	78	Zorg	department	0.6	smit niels	7
zorgnoord	78	Zorg Noord	department	0.6	smit niels	7
amersfoort	79	Amersfoort	location	0.5	bosman julia	7
bosman	79	Bosman	name	1	bosman julia	7
julia	79	Julia	name	1	bosman julia	7
noord	79	Noord	department	0.6	bosman julia	7
palliatieve	79	Palliatieve	skill	0.7	bosman julia	7
palliatievezorg	79	Palliatieve zorg	skill	0.7	bosman julia	7
wijkverpleegkundige	79	Wijkverpleegkundige	title	0.5	bosman julia	7
wondzorg	79	Wondzorg	skill	0.7	bosman julia	7
zorg	79	zorg	skill	0.7	bosman julia	7
zorgnoord	79	Zorg Noord	department	0.6	bosman julia	7
amersfoort	80	Amersfoort	location	0.5	bakker noor	7
bakker	80	Bakker	name	1	bakker noor	7
dementie	80	Dementie	skill	0.7	bakker noor	7
ig	80	IG	title	0.5	bakker noor	7
noor	80	Noor	name	1	bakker noor	7
noord	80	Noord	department	0.6	bakker noor	7
verzorgende	80	Verzorgende	title	0.5	bakker noor	7
verzorgendeig	80	Verzorgende IG	title	0.5	bakker noor	7
zorg	80	Zorg	department	0.6	bakker noor	7
zorgnoord	80	Zorg Noord	department	0.6	bakker noor	7
amersfoort	81	Amersfoort	location	0.5	postma fatima	7
dementie	81	Dementie	skill	0.7	postma fatima	7
fatima	81	Fatima	name	1	postma fatima	7
ig	81	IG	title	0.5	postma fatima	7
noord	81	Noord	department	0.6	postma fatima	7
postma	81	Postma	name	1	postma fatima	7
verzorgende	81	Verzorgende	title	0.5	postma fatima	7
verzorgendeig	81	Verzorgende IG	title	0.5	postma fatima	7
zorg	81	Zorg	department	0.6	postma fatima	7
zorgnoord	81	Zorg Noord	department	0.6	postma fatima	7
amersfoort	82	Amersfoort	location	0.5	visser eva	7
eva	82	Eva	name	1	visser eva	7
noord	82	Noord	department	0.6	visser eva	7
palliatieve	82	Palliatieve	skill	0.7	visser eva	7
palliatievezorg	82	Palliatieve zorg	skill	0.7	visser eva	7
visser	82	Visser	name	1	visser eva	7
wijkverpleegkundige	82	Wijkverpleegkundige	title	0.5	visser eva	7
wondzorg	82	Wondzorg	skill	0.7	visser eva	7
zorg	82	zorg	skill	0.7	visser eva	7
zorgnoord	82	Zorg Noord	department	0.6	visser eva	7
amersfoort	83	Amersfoort	location	0.5	groot marieke de	7
degroot	83	de Groot	name	1	groot marieke de	7
dementie	83	Dementie	skill	0.7	groot marieke de	7
groot	83	Groot	name	1	groot marieke de	7
marieke	83	Marieke	name	1	groot marieke de	7
noord	83	Noord	department	0.6	groot marieke de	7
wijkverpleegkundige	83	Wijkverpleegkundige	title	0.5	groot marieke de	7
zorg	83	Zorg	department	0.6	groot marieke de	7
zorgnoord	83	Zorg Noord	department	0.6	groot marieke de	7
amersfoort	84	Amersfoort	location	0.5	ozturk stijn	7
dementie	84	Dementie	skill	0.7	ozturk stijn	7
noord	84	Noord	department	0.6	ozturk stijn	7
ozturk	84	Öztürk	name	1	ozturk stijn	7
stijn	84	Stijn	name	1	ozturk stijn	7
wijkverpleegkundige	84	Wijkverpleegkundige	title	0.5	ozturk stijn	7
wondzorg	84	Wondzorg	skill	0.7	ozturk stijn	7
zorg	84	Zorg	department	0.6	ozturk stijn	7
zorgnoord	84	Zorg Noord	department	0.6	ozturk stijn	7
amersfoort	85	Amersfoort	location	0.5	janssen esther	7
esther	85	Esther	name	1	janssen esther	7
ig	85	IG	title	0.5	janssen esther	7
janssen	85	Janssen	name	1	janssen esther	7
noord	85	Noord	department	0.6	janssen esther	7
verzorgende	85	Verzorgende	title	0.5	janssen esther	7
verzorgendeig	85	Verzorgende IG	title	0.5	janssen esther	7
wondzorg	85	Wondzorg	skill	0.7	janssen esther	7
zorg	85	Zorg	department	0.6	janssen esther	7
zorgnoord	85	Zorg Noord	department	0.6	janssen esther	7
amersfoort	86	Amersfoort	location	0.5	heuvel tess van den	7
dementie	86	Dementie	skill	0.7	heuvel tess van den	7
heuvel	86	Heuvel	name	1	heuvel tess van den	7
ig	86	IG	title	0.5	heuvel tess van den	7
noord	86	Noord	department	0.6	heuvel tess van den	7
tess	86	Tess	name	1	heuvel tess van den	7
vandenheuvel	86	van den Heuvel	name	1	heuvel tess van den	7
verzorgende	86	Verzorgende	title	0.5	heuvel tess van den	7
verzorgendeig	86	Verzorgende IG	title	0.5	heuvel tess van den	7
zorg	86	Zorg	department	0.6	heuvel tess van den	7
zorgnoord	86	Zorg Noord	department	0.6	heuvel tess van den	7
amersfoort	87	Amersfoort	location	0.5	visser femke	7
femke	87	Femke	name	1	visser femke	7
ig	87	IG	title	0.5	visser femke	7
noord	87	Noord	department	0.6	visser femke	7
palliatieve	87	Palliatieve	skill	0.7	visser femke	7
palliatievezorg	87	Palliatieve zorg	skill	0.7	visser femke	7
verzorgende	87	Verzorgende	title	0.5	visser femke	7
verzorgendeig	87	Verzorgende IG	title	0.5	visser femke	7
visser	87	Visser	name	1	visser femke	7
zorg	87	zorg	skill	0.7	visser femke	7
zorgnoord	87	Zorg Noord	department	0.6	visser femke	7
amersfoort	88	Amersfoort	location	0.5	visser lotte	7
dementie	88	Dementie	skill	0.7	visser lotte	7
lotte	88	Lotte	name	1	visser lotte	7
noord	88	Noord	department	0.6	visser lotte	7
palliatieve	88	Palliatieve	skill	0.7	visser lotte	7
palliatievezorg	88	Palliatieve zorg	skill	0.7	visser lotte	7
visser	88	Visser	name	1	visser lotte	7
wijkverpleegkundige	88	Wijkverpleegkundige	title	0.5	visser lotte	7
zorg	88	zorg	skill	0.7	visser lotte	7
zorgnoord	88	Zorg Noord	department	0.6	visser lotte	7
amersfoort	89	Amersfoort	location	0.5	janssen jasper	7
dementie	89	Dementie	skill	0.7	janssen jasper	7
ig	89	IG	title	0.5	janssen jasper	7
janssen	89	Janssen	name	1	janssen jasper	7
jasper	89	Jasper	name	1	janssen jasper	7
noord	89	Noord	department	0.6	janssen jasper	7
verzorgende	89	Verzorgende	title	0.5	janssen jasper	7
verzorgendeig	89	Verzorgende IG	title	0.5	janssen jasper	7
wondzorg	89	Wondzorg	skill	0.7	janssen jasper	7
zorg	89	Zorg	department	0.6	janssen jasper	7
zorgnoord	89	Zorg Noord	department	0.6	janssen jasper	7
amersfoort	90	Amersfoort	location	0.5	hendriks julia	7
hendriks	90	Hendriks	name	1	hendriks julia	7
julia	90	Julia	name	1	hendriks julia	7
noord	90	Noord	department	0.6	hendriks julia	7
wijkverpleegkundige	90	Wijkverpleegkundige	title	0.5	hendriks julia	7
wondzorg	90	Wondzorg	skill	0.7	hendriks julia	7
zorg	90	Zorg	department	0.6	hendriks julia	7
zorgnoord	90	Zorg Noord	department	0.6	hendriks julia	7
amersfoort	91	Amersfoort	location	0.5	visser daan	7
daan	91	Daan	name	1	visser daan	7
dementie	91	Dementie	skill	0.7	visser daan	7
ig	91	IG	title	0.5	visser daan	7
noord	91	Noord	department	0.6	visser daan	7
palliatieve	91	Palliatieve	skill	0.7	visser daan	7
palliatievezorg	91	Palliatieve zorg	skill	0.7	visser daan	7
verzorgende	91	Verzorgende	title	0.5	visser daan	7
verzorgendeig	91	Verzorgende IG	title	0.5	visser daan	7
visser	91	Visser	name	1	visser daan	7
zorg	91	zorg	skill	0.7	visser daan	7
zorgnoord	91	Zorg Noord	department	0.6	visser daan	7
amersfoort	92	Amersfoort	location	0.5	dijk anouk van	7
anouk	92	Anouk	name	1	dijk anouk van	7
dementie	92	Dementie	skill	0.7	dijk anouk van	7
dijk	92	Dijk	name	1	dijk anouk van	7
ig	92	IG	title	0.5	dijk anouk van	7
noord	92	Noord	department	0.6	dijk anouk van	7
vandijk	92	van Dijk	name	1	dijk anouk van	7
verzorgende	92	Verzorgende	title	0.5	dijk anouk van	7
verzorgendeig	92	Verzorgende IG	title	0.5	dijk anouk van	7
zorg	92	Zorg	department	0.6	dijk anouk van	7
zorgnoord	92	Zorg Noord	department	0.6	dijk anouk van	7
amersfoort	93	Amersfoort	location	0.5	boer chloe de	7
boer	93	Boer	name	1	boer chloe de	7
chloe	93	Chloë	name	1	boer chloe de	7
deboer	93	de Boer	name	1	boer chloe de	7
ig	93	IG	title	0.5	boer chloe de	7
noord	93	Noord	department	0.6	boer chloe de	7
palliatieve	93	Palliatieve	skill	0.7	boer chloe de	7
palliatievezorg	93	Palliatieve zorg	skill	0.7	boer chloe de	7
verzorgende	93	Verzorgende	title	0.5	boer chloe de	7
verzorgendeig	93	Verzorgende IG	title	0.5	boer chloe de	7
zorg	93	zorg	skill	0.7	boer chloe de	7
zorgnoord	93	Zorg Noord	department	0.6	boer chloe de	7
amersfoort	94	Amersfoort	location	0.5	vries anouk de	7
anouk	94	Anouk	name	1	vries anouk de	7
dementie	94	Dementie	skill	0.7	vries anouk de	7
devries	94	de Vries	name	1	vries anouk de	7
ig	94	IG	title	0.5	vries anouk de	7
noord	94	Noord	department	0.6	vries anouk de	7
palliatieve	94	Palliatieve	skill	0.7	vries anouk de	7
palliatievezorg	94	Palliatieve zorg	skill	0.7	vries anouk de	7
verzorgende	94	Verzorgende	title	0.5	vries anouk de	7
verzorgendeig	94	Verzorgende IG	title	0.5	vries anouk de	7
vries	94	Vries	name	1	vries anouk de	7
zorg	94	zorg	skill	0.7	vries anouk de	7
zorgnoord	94	Zorg Noord	department	0.6	vries anouk de	7
amersfoort	95	Amersfoort	location	0.5	bakker willemijn	7
bakker	95	Bakker	name	1	bakker willemijn	7
dementie	95	Dementie	skill	0.7	bakker willemijn	7
noord	95	Noord	department	0.6	bakker willemijn	7
wijkverpleegkundige	95	Wijkverpleegkundige	title	0.5	bakker willemijn	7
willemijn	95	Willemijn	name	1	bakker willemijn	7
zorg	95	Zorg	department	0.6	bakker willemijn	7
zorgnoord	95	Zorg Noord	department	0.6	bakker willemijn	7
amersfoort	96	Amersfoort	location	0.5	vries sophie de	7
dementie	96	Dementie	skill	0.7	vries sophie de	7
devries	96	de Vries	name	1	vries sophie de	7
ig	96	IG	title	0.5	vries sophie de	7
noord	96	Noord	department	0.6	vries sophie de	7
sophie	96	Sophie	name	1	vries sophie de	7
verzorgende	96	Verzorgende	title	0.5	vries sophie de	7
verzorgendeig	96	Verzorgende IG	title	0.5	vries sophie de	7
vries	96	Vries	name	1	vries sophie de	7
wondzorg	96	Wondzorg	skill	0.7	vries sophie de	7
zorg	96	Zorg	department	0.6	vries sophie de	7
zorgnoord	96	Zorg Noord	department	0.6	vries sophie de	7
amersfoort	97	Amersfoort	location	0.5	bakker wouter	7
bakker	97	Bakker	name	1	bakker wouter	7
dementie	97	Dementie	skill	0.7	bakker wouter	7
ig	97	IG	title	0.5	bakker wouter	7
noord	97	Noord	department	0.6	bakker wouter	7
verzorgende	97	Verzorgende	title	0.5	bakker wouter	7
verzorgendeig	97	Verzorgende IG	title	0.5	bakker wouter	7
wondzorg	97	Wondzorg	skill	0.7	bakker wouter	7
wouter	97	Wouter	name	1	bakker wouter	7
zorg	97	Zorg	department	0.6	bakker wouter	7
zorgnoord	97	Zorg Noord	department	0.6	bakker wouter	7
amersfoort	98	Amersfoort	location	0.5	meijer chloe	7
chloe	98	Chloë	name	1	meijer chloe	7
dementie	98	Dementie	skill	0.7	meijer chloe	7
ig	98	IG	title	0.5	meijer chloe	7
meijer	98	Meijer	name	1	meijer chloe	7
noord	98	Noord	department	0.6	meijer chloe	7
verzorgende	98	Verzorgende	title	0.5	meijer chloe	7
verzorgendeig	98	Verzorgende IG	title	0.5	meijer chloe	7
wondzorg	98	Wondzorg	skill	0.7	meijer chloe	7
zorg	98	Zorg	department	0.6	meijer chloe	7
zorgnoord	98	Zorg Noord	department	0.6	meijer chloe	7
amersfoort	99	Amersfoort	location	0.5	nijland lieke	7
ig	99	IG	title	0.5	nijland lieke	7
lieke	99	Lieke	name	1	nijland lieke	7
nijland	99	Nijland	name	1	nijland lieke	7
noord	99	Noord	department	0.6	nijland lieke	7
palliatieve	99	Palliatieve	skill	0.7	nijland lieke	7
palliatievezorg	99	Palliatieve zorg	skill	0.7	nijland lieke	7
verzorgende	99	Verzorgende	title	0.5	nijland lieke	7
verzorgendeig	99	Verzorgende IG	title	0.5	nijland lieke	7
zorg	99	zorg	skill	0.7	nijland lieke	7
zorgnoord	99	Zorg Noord	department	0.6	nijland lieke	7
amersfoort	100	Amersfoort	location	0.5	dekker ingrid	7
dekker	100	Dekker	name	1	dekker ingrid	7
ingrid	100	Ingrid	name	1	dekker ingrid	7
noord	100	Noord	department	0.6	dekker ingrid	7
palliatieve	100	Palliatieve	skill	0.7	dekker ingrid	7
palliatievezorg	100	Palliatieve zorg	skill	0.7	dekker ingrid	7
wijkverpleegkundige	100	Wijkverpleegkundige	title	0.5	dekker ingrid	7
zorg	100	zorg	skill	0.7	dekker ingrid	7
zorgnoord	100	Zorg Noord	department	0.6	dekker ingrid	7
dekker	101	Dekker	name	1	dekker renee	8
houten	101	Houten	department	0.6	dekker renee	8
huishouding	101	Huishouding	skill	0.7	dekker renee	8
renee	101	Renée	name	1	dekker renee	8
rijbewijs	101	Rijbewijs	skill	0.7	dekker renee	8
rijbewijsb	101	Rijbewijs B	skill	0.7	dekker renee	8
teamleider	101	Teamleider	title	0.5	dekker renee	8
thuiszorg	101	Thuiszorg	department	0.6	dekker renee	8
thuiszorghouten	101	Thuiszorg Houten	department	0.6	dekker renee	8
dementie	102	Dementie	skill	0.7	smits jeroen	8
houten	102	Houten	department	0.6	smits jeroen	8
jeroen	102	Jeroen	name	1	smits jeroen	8
smits	102	Smits	name	1	smits jeroen	8
thuiszorg	102	Thuiszorg	department	0.6	smits jeroen	8
thuiszorghouten	102	Thuiszorg Houten	department	0.6	smits jeroen	8
verzorgende	102	Verzorgende	title	0.5	smits jeroen	8
houten	103	Houten	department	0.6	janssen maarten	8
huishoudelijk	103	Huishoudelijk	title	0.5	janssen maarten	8
huishoudelijkmedewerker	103	Huishoudelijk medewerker	title	0.5	janssen maarten	8
janssen	103	Janssen	name	1	janssen maarten	8
maarten	103	Maarten	name	1	janssen maarten	8
medewerker	103	medewerker	title	0.5	janssen maarten	8
rijbewijs	103	Rijbewijs	skill	0.7	janssen maarten	8
rijbewijsb	103	Rijbewijs B	skill	0.7	janssen maarten	8
thuiszorg	103	Thuiszorg	department	0.6	janssen maarten	8
thuiszorghouten	103	Thuiszorg Houten	department	0.6	janssen maarten	8
boer	104	Boer	name	1	boer bram de	8
bram	104	Bram	name	1	boer bram de	8
deboer	104	de Boer	name	1	boer bram de	8
dementie	104	Dementie	skill	0.7	boer bram de	8
houten	104	Houten	department	0.6	boer bram de	8
huishoudelijk	104	Huishoudelijk	title	0.5	boer bram de	8
huishoudelijkmedewerker	104	Huishoudelijk medewerker	title	0.5	boer bram de	8
medewerker	104	medewerker	title	0.5	boer bram de	8
thuiszorg	104	Thuiszorg	department	0.6	boer bram de	8
thuiszorghouten	104	Thuiszorg Houten	department	0.6	boer bram de	8
houten	105	Houten	department	0.6	kok lieke	8
huishoudelijk	105	Huishoudelijk	title	0.5	kok lieke	8
huishoudelijkmedewerker	105	Huishoudelijk medewerker	title	0.5	kok lieke	8
huishouding	105	Huishouding	skill	0.7	kok lieke	8
kok	105	Kok	name	1	kok lieke	8
lieke	105	Lieke	name	1	kok lieke	8
medewerker	105	medewerker	title	0.5	kok lieke	8
thuiszorg	105	Thuiszorg	department	0.6	kok lieke	8
thuiszorghouten	105	Thuiszorg Houten	department	0.6	kok lieke	8
emma	106	Emma	name	1	linden emma van der	8
houten	106	Houten	department	0.6	linden emma van der	8
koen	114	Koen	name	1	berg koen van den	8
huishoudelijk	106	Huishoudelijk	title	0.5	linden emma van der	8
huishoudelijkmedewerker	106	Huishoudelijk medewerker	title	0.5	linden emma van der	8
linden	106	Linden	name	1	linden emma van der	8
medewerker	106	medewerker	title	0.5	linden emma van der	8
rijbewijs	106	Rijbewijs	skill	0.7	linden emma van der	8
rijbewijsb	106	Rijbewijs B	skill	0.7	linden emma van der	8
thuiszorg	106	Thuiszorg	department	0.6	linden emma van der	8
thuiszorghouten	106	Thuiszorg Houten	department	0.6	linden emma van der	8
vanderlinden	106	van der Linden	name	1	linden emma van der	8
dementie	107	Dementie	skill	0.7	willems maarten	8
houten	107	Houten	department	0.6	willems maarten	8
huishoudelijk	107	Huishoudelijk	title	0.5	willems maarten	8
huishoudelijkmedewerker	107	Huishoudelijk medewerker	title	0.5	willems maarten	8
huishouding	107	Huishouding	skill	0.7	willems maarten	8
maarten	107	Maarten	name	1	willems maarten	8
medewerker	107	medewerker	title	0.5	willems maarten	8
thuiszorg	107	Thuiszorg	department	0.6	willems maarten	8
thuiszorghouten	107	Thuiszorg Houten	department	0.6	willems maarten	8
willems	107	Willems	name	1	willems maarten	8
dehaan	108	de Haan	name	1	haan sophie de	8
haan	108	Haan	name	1	haan sophie de	8
houten	108	Houten	department	0.6	haan sophie de	8
huishouding	108	Huishouding	skill	0.7	haan sophie de	8
sophie	108	Sophie	name	1	haan sophie de	8
thuiszorg	108	Thuiszorg	department	0.6	haan sophie de	8
thuiszorghouten	108	Thuiszorg Houten	department	0.6	haan sophie de	8
verzorgende	108	Verzorgende	title	0.5	haan sophie de	8
dejong	109	de Jong	name	1	jong kees de	8
dementie	109	Dementie	skill	0.7	jong kees de	8
houten	109	Houten	department	0.6	jong kees de	8
huishoudelijk	109	Huishoudelijk	title	0.5	jong kees de	8
huishoudelijkmedewerker	109	Huishoudelijk medewerker	title	0.5	jong kees de	8
jong	109	Jong	name	1	jong kees de	8
kees	109	Kees	name	1	jong kees de	8
medewerker	109	medewerker	title	0.5	jong kees de	8
thuiszorg	109	Thuiszorg	department	0.6	jong kees de	8
thuiszorghouten	109	Thuiszorg Houten	department	0.6	jong kees de	8
annelies	110	Annelies	name	1	smits annelies	8
houten	110	Houten	department	0.6	smits annelies	8
huishoudelijk	110	Huishoudelijk	title	0.5	smits annelies	8
huishoudelijkmedewerker	110	Huishoudelijk medewerker	title	0.5	smits annelies	8
huishouding	110	Huishouding	skill	0.7	smits annelies	8
medewerker	110	medewerker	title	0.5	smits annelies	8
rijbewijs	110	Rijbewijs	skill	0.7	smits annelies	8
rijbewijsb	110	Rijbewijs B	skill	0.7	smits annelies	8
smits	110	Smits	name	1	smits annelies	8
thuiszorg	110	Thuiszorg	department	0.6	smits annelies	8
thuiszorghouten	110	Thuiszorg Houten	department	0.6	smits annelies	8
brouwer	111	Brouwer	name	1	brouwer kees	8
houten	111	Houten	department	0.6	brouwer kees	8
huishouding	111	Huishouding	skill	0.7	brouwer kees	8
kees	111	Kees	name	1	brouwer kees	8
rijbewijs	111	Rijbewijs	skill	0.7	brouwer kees	8
rijbewijsb	111	Rijbewijs B	skill	0.7	brouwer kees	8
thuiszorg	111	Thuiszorg	department	0.6	brouwer kees	8
thuiszorghouten	111	Thuiszorg Houten	department	0.6	brouwer kees	8
verzorgende	111	Verzorgende	title	0.5	brouwer kees	8
dejong	112	de Jong	name	1	jong jasper de	8
dementie	112	Dementie	skill	0.7	jong jasper de	8
houten	112	Houten	department	0.6	jong jasper de	8
huishouding	112	Huishouding	skill	0.7	jong jasper de	8
jasper	112	Jasper	name	1	jong jasper de	8
jong	112	Jong	name	1	jong jasper de	8
thuiszorg	112	Thuiszorg	department	0.6	jong jasper de	8
thuiszorghouten	112	Thuiszorg Houten	department	0.6	jong jasper de	8
verzorgende	112	Verzorgende	title	0.5	jong jasper de	8
dementie	113	Dementie	skill	0.7	horst ruben ter	8
horst	113	Horst	name	1	horst ruben ter	8
houten	113	Houten	department	0.6	horst ruben ter	8
ruben	113	Ruben	name	1	horst ruben ter	8
terhorst	113	ter Horst	name	1	horst ruben ter	8
thuiszorg	113	Thuiszorg	department	0.6	horst ruben ter	8
thuiszorghouten	113	Thuiszorg Houten	department	0.6	horst ruben ter	8
verzorgende	113	Verzorgende	title	0.5	horst ruben ter	8
berg	114	Berg	name	1	berg koen van den	8
dementie	114	Dementie	skill	0.7	berg koen van den	8
houten	114	Houten	department	0.6	berg koen van den	8
thuiszorg	114	Thuiszorg	department	0.6	berg koen van den	8
thuiszorghouten	114	Thuiszorg Houten	department	0.6	berg koen van den	8
vandenberg	114	van den Berg	name	1	berg koen van den	8
verzorgende	114	Verzorgende	title	0.5	berg koen van den	8
dijkstra	115	Dijkstra	name	1	dijkstra ingrid	8
houten	115	Houten	department	0.6	dijkstra ingrid	8
huishouding	115	Huishouding	skill	0.7	dijkstra ingrid	8
ingrid	115	Ingrid	name	1	dijkstra ingrid	8
thuiszorg	115	Thuiszorg	department	0.6	dijkstra ingrid	8
thuiszorghouten	115	Thuiszorg Houten	department	0.6	dijkstra ingrid	8
verzorgende	115	Verzorgende	title	0.5	dijkstra ingrid	8
dementie	116	Dementie	skill	0.7	leeuwen noor van	8
houten	116	Houten	department	0.6	leeuwen noor van	8
leeuwen	116	Leeuwen	name	1	leeuwen noor van	8
noor	116	Noor	name	1	leeuwen noor van	8
rijbewijs	116	Rijbewijs	skill	0.7	leeuwen noor van	8
rijbewijsb	116	Rijbewijs B	skill	0.7	leeuwen noor van	8
thuiszorg	116	Thuiszorg	department	0.6	leeuwen noor van	8
thuiszorghouten	116	Thuiszorg Houten	department	0.6	leeuwen noor van	8
vanleeuwen	116	van Leeuwen	name	1	leeuwen noor van	8
verzorgende	116	Verzorgende	title	0.5	leeuwen noor van	8
bruijn	117	Bruijn	name	1	bruijn jasper de	8
debruijn	117	de Bruijn	name	1	bruijn jasper de	8
dementie	117	Dementie	skill	0.7	bruijn jasper de	8
houten	117	Houten	department	0.6	bruijn jasper de	8
jasper	117	Jasper	name	1	bruijn jasper de	8
thuiszorg	117	Thuiszorg	department	0.6	bruijn jasper de	8
thuiszorghouten	117	Thuiszorg Houten	department	0.6	bruijn jasper de	8
verzorgende	117	Verzorgende	title	0.5	bruijn jasper de	8
houten	118	Houten	department	0.6	jansen julia	8
huishoudelijk	118	Huishoudelijk	title	0.5	jansen julia	8
huishoudelijkmedewerker	118	Huishoudelijk medewerker	title	0.5	jansen julia	8
huishouding	118	Huishouding	skill	0.7	jansen julia	8
jansen	118	Jansen	name	1	jansen julia	8
julia	118	Julia	name	1	jansen julia	8
medewerker	118	medewerker	title	0.5	jansen julia	8
thuiszorg	118	Thuiszorg	department	0.6	jansen julia	8
thuiszorghouten	118	Thuiszorg Houten	department	0.6	jansen julia	8
houten	119	Houten	department	0.6	vermeulen lieke	8
huishouding	119	Huishouding	skill	0.7	vermeulen lieke	8
lieke	119	Lieke	name	1	vermeulen lieke	8
thuiszorg	119	Thuiszorg	department	0.6	vermeulen lieke	8
thuiszorghouten	119	Thuiszorg Houten	department	0.6	vermeulen lieke	8
vermeulen	119	Vermeulen	name	1	vermeulen lieke	8
verzorgende	119	Verzorgende	title	0.5	vermeulen lieke	8
degroot	120	de Groot	name	1	groot lars de	8
groot	120	Groot	name	1	groot lars de	8
houten	120	Houten	department	0.6	groot lars de	8
lars	120	Lars	name	1	groot lars de	8
rijbewijs	120	Rijbewijs	skill	0.7	groot lars de	8
rijbewijsb	120	Rijbewijs B	skill	0.7	groot lars de	8
thuiszorg	120	Thuiszorg	department	0.6	groot lars de	8
thuiszorghouten	120	Thuiszorg Houten	department	0.6	groot lars de	8
verzorgende	120	Verzorgende	title	0.5	groot lars de	8
dementie	121	Dementie	skill	0.7	postma thijs	8
houten	121	Houten	department	0.6	postma thijs	8
postma	121	Postma	name	1	postma thijs	8
thijs	121	Thijs	name	1	postma thijs	8
thuiszorg	121	Thuiszorg	department	0.6	postma thijs	8
thuiszorghouten	121	Thuiszorg Houten	department	0.6	postma thijs	8
verzorgende	121	Verzorgende	title	0.5	postma thijs	8
dementie	122	Dementie	skill	0.7	postma marieke	8
houten	122	Houten	department	0.6	postma marieke	8
marieke	122	Marieke	name	1	postma marieke	8
postma	122	Postma	name	1	postma marieke	8
thuiszorg	122	Thuiszorg	department	0.6	postma marieke	8
thuiszorghouten	122	Thuiszorg Houten	department	0.6	postma marieke	8
verzorgende	122	Verzorgende	title	0.5	postma marieke	8
bosman	123	Bosman	name	1	bosman thijs	8
dementie	123	Dementie	skill	0.7	bosman thijs	8
houten	123	Houten	department	0.6	bosman thijs	8
thijs	123	Thijs	name	1	bosman thijs	8
thuiszorg	123	Thuiszorg	department	0.6	bosman thijs	8
thuiszorghouten	123	Thuiszorg Houten	department	0.6	bosman thijs	8
verzorgende	123	Verzorgende	title	0.5	bosman thijs	8
dementie	124	Dementie	skill	0.7	muller joost	8
houten	124	Houten	department	0.6	muller joost	8
huishoudelijk	124	Huishoudelijk	title	0.5	muller joost	8
huishoudelijkmedewerker	124	Huishoudelijk medewerker	title	0.5	muller joost	8
joost	124	Joost	name	1	muller joost	8
medewerker	124	medewerker	title	0.5	muller joost	8
muller	124	Müller	name	1	muller joost	8
rijbewijs	124	Rijbewijs	skill	0.7	muller joost	8
rijbewijsb	124	Rijbewijs B	skill	0.7	muller joost	8
thuiszorg	124	Thuiszorg	department	0.6	muller joost	8
thuiszorghouten	124	Thuiszorg Houten	department	0.6	muller joost	8
centrum	125	Centrum	department	0.6	meijer sophie	9
duits	125	Duits	skill	0.7	meijer sophie	9
meijer	125	Meijer	name	1	meijer sophie	9
sophie	125	Sophie	name	1	meijer sophie	9
teamleider	125	Teamleider	title	0.5	meijer sophie	9
utrecht	125	Utrecht	location	0.5	meijer sophie	9
winkel	125	Winkel	department	0.6	meijer sophie	9
winkelcentrum	125	Winkel Centrum	department	0.6	meijer sophie	9
centrum	126	Centrum	department	0.6	meijer joost	9
duits	126	Duits	skill	0.7	meijer joost	9
joost	126	Joost	name	1	meijer joost	9
kassa	126	Kassa	skill	0.7	meijer joost	9
meijer	126	Meijer	name	1	meijer joost	9
utrecht	126	Utrecht	location	0.5	meijer joost	9
verkoper	126	Verkoper	title	0.5	meijer joost	9
winkel	126	Winkel	department	0.6	meijer joost	9
winkelcentrum	126	Winkel Centrum	department	0.6	meijer joost	9
centrum	127	Centrum	department	0.6	visser sanne	9
duits	127	Duits	skill	0.7	visser sanne	9
kassa	127	Kassa	skill	0.7	visser sanne	9
sanne	127	Sanne	name	1	visser sanne	9
utrecht	127	Utrecht	location	0.5	visser sanne	9
verkoper	127	Verkoper	title	0.5	visser sanne	9
visser	127	Visser	name	1	visser sanne	9
winkel	127	Winkel	department	0.6	visser sanne	9
winkelcentrum	127	Winkel Centrum	department	0.6	visser sanne	9
brouwer	128	Brouwer	name	1	brouwer chloe	9
centrum	128	Centrum	department	0.6	brouwer chloe	9
chloe	128	Chloë	name	1	brouwer chloe	9
duits	128	Duits	skill	0.7	brouwer chloe	9
filiaalmedewerker	128	Filiaalmedewerker	title	0.5	brouwer chloe	9
hulpmiddelen	128	Hulpmiddelen	skill	0.7	brouwer chloe	9
utrecht	128	Utrecht	location	0.5	brouwer chloe	9
winkel	128	Winkel	department	0.6	brouwer chloe	9
winkelcentrum	128	Winkel Centrum	department	0.6	brouwer chloe	9
centrum	129	Centrum	department	0.6	vries henk de	9
devries	129	de Vries	name	1	vries henk de	9
duits	129	Duits	skill	0.7	vries henk de	9
henk	129	Henk	name	1	vries henk de	9
utrecht	129	Utrecht	location	0.5	vries henk de	9
verkoper	129	Verkoper	title	0.5	vries henk de	9
vries	129	Vries	name	1	vries henk de	9
winkel	129	Winkel	department	0.6	vries henk de	9
winkelcentrum	129	Winkel Centrum	department	0.6	vries henk de	9
centrum	130	Centrum	department	0.6	jong niels de	9
dejong	130	de Jong	name	1	jong niels de	9
hulpmiddelen	130	Hulpmiddelen	skill	0.7	jong niels de	9
jong	130	Jong	name	1	jong niels de	9
kassa	130	Kassa	skill	0.7	jong niels de	9
niels	130	Niels	name	1	jong niels de	9
utrecht	130	Utrecht	location	0.5	jong niels de	9
verkoper	130	Verkoper	title	0.5	jong niels de	9
winkel	130	Winkel	department	0.6	jong niels de	9
winkelcentrum	130	Winkel Centrum	department	0.6	jong niels de	9
centrum	131	Centrum	department	0.6	kok stijn	9
duits	131	Duits	skill	0.7	kok stijn	9
filiaalmedewerker	131	Filiaalmedewerker	title	0.5	kok stijn	9
kok	131	Kok	name	1	kok stijn	9
stijn	131	Stijn	name	1	kok stijn	9
utrecht	131	Utrecht	location	0.5	kok stijn	9
winkel	131	Winkel	department	0.6	kok stijn	9
winkelcentrum	131	Winkel Centrum	department	0.6	kok stijn	9
boer	132	Boer	name	1	boer emma de	9
centrum	132	Centrum	department	0.6	boer emma de	9
deboer	132	de Boer	name	1	boer emma de	9
duits	132	Duits	skill	0.7	boer emma de	9
emma	132	Emma	name	1	boer emma de	9
filiaalmedewerker	132	Filiaalmedewerker	title	0.5	boer emma de	9
utrecht	132	Utrecht	location	0.5	boer emma de	9
winkel	132	Winkel	department	0.6	boer emma de	9
winkelcentrum	132	Winkel Centrum	department	0.6	boer emma de	9
centrum	133	Centrum	department	0.6	dijkstra thijs	9
dijkstra	133	Dijkstra	name	1	dijkstra thijs	9
kassa	133	Kassa	skill	0.7	dijkstra thijs	9
thijs	133	Thijs	name	1	dijkstra thijs	9
utrecht	133	Utrecht	location	0.5	dijkstra thijs	9
verkoper	133	Verkoper	title	0.5	dijkstra thijs	9
winkel	133	Winkel	department	0.6	dijkstra thijs	9
winkelcentrum	133	Winkel Centrum	department	0.6	dijkstra thijs	9
centrum	134	Centrum	department	0.6	vries wietske de	9
devries	134	de Vries	name	1	vries wietske de	9
duits	134	Duits	skill	0.7	vries wietske de	9
kassa	134	Kassa	skill	0.7	vries wietske de	9
utrecht	134	Utrecht	location	0.5	vries wietske de	9
verkoper	134	Verkoper	title	0.5	vries wietske de	9
vries	134	Vries	name	1	vries wietske de	9
wietske	134	Wietske	name	1	vries wietske de	9
winkel	134	Winkel	department	0.6	vries wietske de	9
winkelcentrum	134	Winkel Centrum	department	0.6	vries wietske de	9
centrum	135	Centrum	department	0.6	meer sem van der	9
duits	135	Duits	skill	0.7	meer sem van der	9
filiaalmedewerker	135	Filiaalmedewerker	title	0.5	meer sem van der	9
kassa	135	Kassa	skill	0.7	meer sem van der	9
meer	135	Meer	name	1	meer sem van der	9
sem	135	Sem	name	1	meer sem van der	9
utrecht	135	Utrecht	location	0.5	meer sem van der	9
vandermeer	135	van der Meer	name	1	meer sem van der	9
winkel	135	Winkel	department	0.6	meer sem van der	9
winkelcentrum	135	Winkel Centrum	department	0.6	meer sem van der	9
centrum	136	Centrum	department	0.6	jong joelle de	9
dejong	136	de Jong	name	1	jong joelle de	9
duits	136	Duits	skill	0.7	jong joelle de	9
joelle	136	Joëlle	name	1	jong joelle de	9
jong	136	Jong	name	1	jong joelle de	9
kassa	136	Kassa	skill	0.7	jong joelle de	9
utrecht	136	Utrecht	location	0.5	jong joelle de	9
verkoper	136	Verkoper	title	0.5	jong joelle de	9
winkel	136	Winkel	department	0.6	jong joelle de	9
winkelcentrum	136	Winkel Centrum	department	0.6	jong joelle de	9
centrum	137	Centrum	department	0.6	dijk stijn van	9
dijk	137	Dijk	name	1	dijk stijn van	9
duits	137	Duits	skill	0.7	dijk stijn van	9
filiaalmedewerker	137	Filiaalmedewerker	title	0.5	dijk stijn van	9
stijn	137	Stijn	name	1	dijk stijn van	9
utrecht	137	Utrecht	location	0.5	dijk stijn van	9
vandijk	137	van Dijk	name	1	dijk stijn van	9
winkel	137	Winkel	department	0.6	dijk stijn van	9
winkelcentrum	137	Winkel Centrum	department	0.6	dijk stijn van	9
centrum	138	Centrum	department	0.6	jacobs youssef	9
hulpmiddelen	138	Hulpmiddelen	skill	0.7	jacobs youssef	9
jacobs	138	Jacobs	name	1	jacobs youssef	9
kassa	138	Kassa	skill	0.7	jacobs youssef	9
utrecht	138	Utrecht	location	0.5	jacobs youssef	9
verkoper	138	Verkoper	title	0.5	jacobs youssef	9
winkel	138	Winkel	department	0.6	jacobs youssef	9
winkelcentrum	138	Winkel Centrum	department	0.6	jacobs youssef	9
youssef	138	Youssef	name	1	jacobs youssef	9
centrum	139	Centrum	department	0.6	koster noor	9
filiaalmedewerker	139	Filiaalmedewerker	title	0.5	koster noor	9
hulpmiddelen	139	Hulpmiddelen	skill	0.7	koster noor	9
kassa	139	Kassa	skill	0.7	koster noor	9
koster	139	Koster	name	1	koster noor	9
noor	139	Noor	name	1	koster noor	9
utrecht	139	Utrecht	location	0.5	koster noor	9
winkel	139	Winkel	department	0.6	koster noor	9
winkelcentrum	139	Winkel Centrum	department	0.6	koster noor	9
centrum	140	Centrum	department	0.6	vos noor	9
filiaalmedewerker	140	Filiaalmedewerker	title	0.5	vos noor	9
hulpmiddelen	140	Hulpmiddelen	skill	0.7	vos noor	9
kassa	140	Kassa	skill	0.7	vos noor	9
noor	140	Noor	name	1	vos noor	9
utrecht	140	Utrecht	location	0.5	vos noor	9
vos	140	Vos	name	1	vos noor	9
winkel	140	Winkel	department	0.6	vos noor	9
winkelcentrum	140	Winkel Centrum	department	0.6	vos noor	9
broek	141	Broek	name	1	broek wietske van den	9
centrum	141	Centrum	department	0.6	broek wietske van den	9
duits	141	Duits	skill	0.7	broek wietske van den	9
filiaalmedewerker	141	Filiaalmedewerker	title	0.5	broek wietske van den	9
kassa	141	Kassa	skill	0.7	broek wietske van den	9
utrecht	141	Utrecht	location	0.5	broek wietske van den	9
vandenbroek	141	van den Broek	name	1	broek wietske van den	9
wietske	141	Wietske	name	1	broek wietske van den	9
winkel	141	Winkel	department	0.6	broek wietske van den	9
winkelcentrum	141	Winkel Centrum	department	0.6	broek wietske van den	9
centrum	142	Centrum	department	0.6	graaf mirjam de	9
degraaf	142	de Graaf	name	1	graaf mirjam de	9
duits	142	Duits	skill	0.7	graaf mirjam de	9
filiaalmedewerker	142	Filiaalmedewerker	title	0.5	graaf mirjam de	9
graaf	142	Graaf	name	1	graaf mirjam de	9
kassa	142	Kassa	skill	0.7	graaf mirjam de	9
mirjam	142	Mirjam	name	1	graaf mirjam de	9
utrecht	142	Utrecht	location	0.5	graaf mirjam de	9
winkel	142	Winkel	department	0.6	graaf mirjam de	9
winkelcentrum	142	Winkel Centrum	department	0.6	graaf mirjam de	9
centrum	143	Centrum	department	0.6	haan sanne de	9
dehaan	143	de Haan	name	1	haan sanne de	9
haan	143	Haan	name	1	haan sanne de	9
hulpmiddelen	143	Hulpmiddelen	skill	0.7	haan sanne de	9
sanne	143	Sanne	name	1	haan sanne de	9
utrecht	143	Utrecht	location	0.5	haan sanne de	9
verkoper	143	Verkoper	title	0.5	haan sanne de	9
winkel	143	Winkel	department	0.6	haan sanne de	9
winkelcentrum	143	Winkel Centrum	department	0.6	haan sanne de	9
bjorn	144	Bjørn	name	1	vries bjorn de	9
centrum	144	Centrum	department	0.6	vries bjorn de	9
devries	144	de Vries	name	1	vries bjorn de	9
duits	144	Duits	skill	0.7	vries bjorn de	9
kassa	144	Kassa	skill	0.7	vries bjorn de	9
utrecht	144	Utrecht	location	0.5	vries bjorn de	9
verkoper	144	Verkoper	title	0.5	vries bjorn de	9
vries	144	Vries	name	1	vries bjorn de	9
winkel	144	Winkel	department	0.6	vries bjorn de	9
winkelcentrum	144	Winkel Centrum	department	0.6	vries bjorn de	9
buitendienst	145	Buitendienst	department	0.6	linden chloe van der	4
chloe	145	Chloë	name	1	linden chloe van der	4
hulpmiddelen	145	Hulpmiddelen	skill	0.7	linden chloe van der	4
linden	145	Linden	name	1	linden chloe van der	4
teamleider	145	Teamleider	title	0.5	linden chloe van der	4
vanderlinden	145	van der Linden	name	1	linden chloe van der	4
zeist	145	Zeist	location	0.5	linden chloe van der	4
buitendienst	146	Buitendienst	department	0.6	postma willemijn	4
postma	146	Postma	name	1	postma willemijn	4
rijbewijs	146	Rijbewijs	skill	0.7	postma willemijn	4
rijbewijsb	146	Rijbewijs B	skill	0.7	postma willemijn	4
servicemonteur	146	Servicemonteur	title	0.5	postma willemijn	4
tilliften	146	Tilliften	skill	0.7	postma willemijn	4
willemijn	146	Willemijn	name	1	postma willemijn	4
zeist	146	Zeist	location	0.5	postma willemijn	4
accountmanager	147	Accountmanager	title	0.5	huisman joost	4
buitendienst	147	Buitendienst	department	0.6	huisman joost	4
engels	147	Engels	skill	0.7	huisman joost	4
huisman	147	Huisman	name	1	huisman joost	4
hulpmiddelen	147	Hulpmiddelen	skill	0.7	huisman joost	4
joost	147	Joost	name	1	huisman joost	4
zeist	147	Zeist	location	0.5	huisman joost	4
buitendienst	148	Buitendienst	department	0.6	peters zoe	4
peters	148	Peters	name	1	peters zoe	4
rijbewijs	148	Rijbewijs	skill	0.7	peters zoe	4
rijbewijsb	148	Rijbewijs B	skill	0.7	peters zoe	4
servicemonteur	148	Servicemonteur	title	0.5	peters zoe	4
zeist	148	Zeist	location	0.5	peters zoe	4
zoe	148	Zoë	name	1	peters zoe	4
accountmanager	149	Accountmanager	title	0.5	groot chloe de	4
buitendienst	149	Buitendienst	department	0.6	groot chloe de	4
chloe	149	Chloë	name	1	groot chloe de	4
degroot	149	de Groot	name	1	groot chloe de	4
engels	149	Engels	skill	0.7	groot chloe de	4
groot	149	Groot	name	1	groot chloe de	4
rijbewijs	149	Rijbewijs	skill	0.7	groot chloe de	4
rijbewijsb	149	Rijbewijs B	skill	0.7	groot chloe de	4
zeist	149	Zeist	location	0.5	groot chloe de	4
buitendienst	150	Buitendienst	department	0.6	mulder koen	4
koen	150	Koen	name	1	mulder koen	4
mulder	150	Mulder	name	1	mulder koen	4
rijbewijs	150	Rijbewijs	skill	0.7	mulder koen	4
rijbewijsb	150	Rijbewijs B	skill	0.7	mulder koen	4
servicemonteur	150	Servicemonteur	title	0.5	mulder koen	4
tilliften	150	Tilliften	skill	0.7	mulder koen	4
zeist	150	Zeist	location	0.5	mulder koen	4
accountmanager	151	Accountmanager	title	0.5	kok sophie	4
buitendienst	151	Buitendienst	department	0.6	kok sophie	4
kok	151	Kok	name	1	kok sophie	4
sophie	151	Sophie	name	1	kok sophie	4
tilliften	151	Tilliften	skill	0.7	kok sophie	4
zeist	151	Zeist	location	0.5	kok sophie	4
accountmanager	152	Accountmanager	title	0.5	veen henk van der	4
buitendienst	152	Buitendienst	department	0.6	veen henk van der	4
henk	152	Henk	name	1	veen henk van der	4
hulpmiddelen	152	Hulpmiddelen	skill	0.7	veen henk van der	4
tilliften	152	Tilliften	skill	0.7	veen henk van der	4
vanderveen	152	van der Veen	name	1	veen henk van der	4
veen	152	Veen	name	1	veen henk van der	4
zeist	152	Zeist	location	0.5	veen henk van der	4
accountmanager	153	Accountmanager	title	0.5	leeuwen renee van	4
buitendienst	153	Buitendienst	department	0.6	leeuwen renee van	4
engels	153	Engels	skill	0.7	leeuwen renee van	4
leeuwen	153	Leeuwen	name	1	leeuwen renee van	4
renee	153	Renée	name	1	leeuwen renee van	4
tilliften	153	Tilliften	skill	0.7	leeuwen renee van	4
vanleeuwen	153	van Leeuwen	name	1	leeuwen renee van	4
zeist	153	Zeist	location	0.5	leeuwen renee van	4
accountmanager	154	Accountmanager	title	0.5	berg marieke van den	4
berg	154	Berg	name	1	berg marieke van den	4
buitendienst	154	Buitendienst	department	0.6	berg marieke van den	4
engels	154	Engels	skill	0.7	berg marieke van den	4
marieke	154	Marieke	name	1	berg marieke van den	4
rijbewijs	154	Rijbewijs	skill	0.7	berg marieke van den	4
rijbewijsb	154	Rijbewijs B	skill	0.7	berg marieke van den	4
vandenberg	154	van den Berg	name	1	berg marieke van den	4
zeist	154	Zeist	location	0.5	berg marieke van den	4
buitendienst	155	Buitendienst	department	0.6	hof daan van t	4
daan	155	Daan	name	1	hof daan van t	4
engels	155	Engels	skill	0.7	hof daan van t	4
hof	155	Hof	name	1	hof daan van t	4
servicemonteur	155	Servicemonteur	title	0.5	hof daan van t	4
vanthof	155	van 't Hof	name	1	hof daan van t	4
zeist	155	Zeist	location	0.5	hof daan van t	4
accountmanager	156	Accountmanager	title	0.5	jansen sophie	4
buitendienst	156	Buitendienst	department	0.6	jansen sophie	4
jansen	156	Jansen	name	1	jansen sophie	4
rijbewijs	156	Rijbewijs	skill	0.7	jansen sophie	4
rijbewijsb	156	Rijbewijs B	skill	0.7	jansen sophie	4
sophie	156	Sophie	name	1	jansen sophie	4
zeist	156	Zeist	location	0.5	jansen sophie	4
buitendienst	157	Buitendienst	department	0.6	graaf gijs de	4
degraaf	157	de Graaf	name	1	graaf gijs de	4
engels	157	Engels	skill	0.7	graaf gijs de	4
gijs	157	Gijs	name	1	graaf gijs de	4
graaf	157	Graaf	name	1	graaf gijs de	4
rijbewijs	157	Rijbewijs	skill	0.7	graaf gijs de	4
rijbewijsb	157	Rijbewijs B	skill	0.7	graaf gijs de	4
servicemonteur	157	Servicemonteur	title	0.5	graaf gijs de	4
zeist	157	Zeist	location	0.5	graaf gijs de	4
bram	158	Bram	name	1	jong bram de	4
buitendienst	158	Buitendienst	department	0.6	jong bram de	4
dejong	158	de Jong	name	1	jong bram de	4
jong	158	Jong	name	1	jong bram de	4
servicemonteur	158	Servicemonteur	title	0.5	jong bram de	4
tilliften	158	Tilliften	skill	0.7	jong bram de	4
zeist	158	Zeist	location	0.5	jong bram de	4
buitendienst	159	Buitendienst	department	0.6	jansen niels	4
engels	159	Engels	skill	0.7	jansen niels	4
jansen	159	Jansen	name	1	jansen niels	4
niels	159	Niels	name	1	jansen niels	4
rijbewijs	159	Rijbewijs	skill	0.7	jansen niels	4
rijbewijsb	159	Rijbewijs B	skill	0.7	jansen niels	4
servicemonteur	159	Servicemonteur	title	0.5	jansen niels	4
zeist	159	Zeist	location	0.5	jansen niels	4
buitendienst	160	Buitendienst	department	0.6	hof wietske van t	4
hof	160	Hof	name	1	hof wietske van t	4
rijbewijs	160	Rijbewijs	skill	0.7	hof wietske van t	4
rijbewijsb	160	Rijbewijs B	skill	0.7	hof wietske van t	4
servicemonteur	160	Servicemonteur	title	0.5	hof wietske van t	4
tilliften	160	Tilliften	skill	0.7	hof wietske van t	4
vanthof	160	van 't Hof	name	1	hof wietske van t	4
wietske	160	Wietske	name	1	hof wietske van t	4
zeist	160	Zeist	location	0.5	hof wietske van t	4
accountmanager	161	Accountmanager	title	0.5	koster ruben	4
buitendienst	161	Buitendienst	department	0.6	koster ruben	4
engels	161	Engels	skill	0.7	koster ruben	4
koster	161	Koster	name	1	koster ruben	4
ruben	161	Ruben	name	1	koster ruben	4
zeist	161	Zeist	location	0.5	koster ruben	4
accountmanager	162	Accountmanager	title	0.5	dijkstra bjorn	4
bjorn	162	Bjørn	name	1	dijkstra bjorn	4
buitendienst	162	Buitendienst	department	0.6	dijkstra bjorn	4
dijkstra	162	Dijkstra	name	1	dijkstra bjorn	4
engels	162	Engels	skill	0.7	dijkstra bjorn	4
rijbewijs	162	Rijbewijs	skill	0.7	dijkstra bjorn	4
rijbewijsb	162	Rijbewijs B	skill	0.7	dijkstra bjorn	4
zeist	162	Zeist	location	0.5	dijkstra bjorn	4
accountmanager	163	Accountmanager	title	0.5	vries sanne de	4
buitendienst	163	Buitendienst	department	0.6	vries sanne de	4
devries	163	de Vries	name	1	vries sanne de	4
sanne	163	Sanne	name	1	vries sanne de	4
tilliften	163	Tilliften	skill	0.7	vries sanne de	4
vries	163	Vries	name	1	vries sanne de	4
zeist	163	Zeist	location	0.5	vries sanne de	4
accountmanager	164	Accountmanager	title	0.5	bakker ruben	4
bakker	164	Bakker	name	1	bakker ruben	4
buitendienst	164	Buitendienst	department	0.6	bakker ruben	4
ruben	164	Ruben	name	1	bakker ruben	4
tilliften	164	Tilliften	skill	0.7	bakker ruben	4
zeist	164	Zeist	location	0.5	bakker ruben	4
accountmanager	165	Accountmanager	title	0.5	bruijn roos de	4
bruijn	165	Bruijn	name	1	bruijn roos de	4
buitendienst	165	Buitendienst	department	0.6	bruijn roos de	4
debruijn	165	de Bruijn	name	1	bruijn roos de	4
rijbewijs	165	Rijbewijs	skill	0.7	bruijn roos de	4
rijbewijsb	165	Rijbewijs B	skill	0.7	bruijn roos de	4
roos	165	Roos	name	1	bruijn roos de	4
tilliften	165	Tilliften	skill	0.7	bruijn roos de	4
zeist	165	Zeist	location	0.5	bruijn roos de	4
buitendienst	166	Buitendienst	department	0.6	linden joost van der	4
joost	166	Joost	name	1	linden joost van der	4
linden	166	Linden	name	1	linden joost van der	4
servicemonteur	166	Servicemonteur	title	0.5	linden joost van der	4
tilliften	166	Tilliften	skill	0.7	linden joost van der	4
vanderlinden	166	van der Linden	name	1	linden joost van der	4
zeist	166	Zeist	location	0.5	linden joost van der	4
jansen	167	Jansen	name	1	jansen youssef	2
planning	167	Planning	skill	0.7	jansen youssef	2
teamleider	167	Teamleider	title	0.5	jansen youssef	2
utrecht	167	Utrecht	location	0.5	jansen youssef	2
youssef	167	Youssef	name	1	jansen youssef	2
bos	168	Bos	name	1	bos floor	2
excel	168	Excel	skill	0.7	bos floor	2
floor	168	Floor	name	1	bos floor	2
planner	168	Planner	title	0.5	bos floor	2
planning	168	Planning	department	0.6	bos floor	2
utrecht	168	Utrecht	location	0.5	bos floor	2
excel	169	Excel	skill	0.7	muller wietske	2
muller	169	Müller	name	1	muller wietske	2
planner	169	Planner	title	0.5	muller wietske	2
planning	169	Planning	department	0.6	muller wietske	2
utrecht	169	Utrecht	location	0.5	muller wietske	2
wietske	169	Wietske	name	1	muller wietske	2
dejong	170	de Jong	name	1	jong floor de	2
floor	170	Floor	name	1	jong floor de	2
jong	170	Jong	name	1	jong floor de	2
planner	170	Planner	title	0.5	jong floor de	2
planning	170	Planning	skill	0.7	jong floor de	2
utrecht	170	Utrecht	location	0.5	jong floor de	2
dejong	171	de Jong	name	1	jong mirjam de	2
jong	171	Jong	name	1	jong mirjam de	2
mirjam	171	Mirjam	name	1	jong mirjam de	2
planner	171	Planner	title	0.5	jong mirjam de	2
planning	171	Planning	skill	0.7	jong mirjam de	2
utrecht	171	Utrecht	location	0.5	jong mirjam de	2
bjorn	172	Bjørn	name	1	smit bjorn	2
planning	172	Planning	skill	0.7	smit bjorn	2
roosteraar	172	Roosteraar	title	0.5	smit bjorn	2
smit	172	Smit	name	1	smit bjorn	2
utrecht	172	Utrecht	location	0.5	smit bjorn	2
anouk	173	Anouk	name	1	dekker anouk	2
dekker	173	Dekker	name	1	dekker anouk	2
excel	173	Excel	skill	0.7	dekker anouk	2
planning	173	Planning	skill	0.7	dekker anouk	2
roosteraar	173	Roosteraar	title	0.5	dekker anouk	2
utrecht	173	Utrecht	location	0.5	dekker anouk	2
dejong	174	de Jong	name	1	jong ruben de	2
jong	174	Jong	name	1	jong ruben de	2
planning	174	Planning	skill	0.7	jong ruben de	2
roosteraar	174	Roosteraar	title	0.5	jong ruben de	2
ruben	174	Ruben	name	1	jong ruben de	2
utrecht	174	Utrecht	location	0.5	jong ruben de	2
excel	175	Excel	skill	0.7	heuvel koen van den	2
heuvel	175	Heuvel	name	1	heuvel koen van den	2
koen	175	Koen	name	1	heuvel koen van den	2
planner	175	Planner	title	0.5	heuvel koen van den	2
planning	175	Planning	skill	0.7	heuvel koen van den	2
utrecht	175	Utrecht	location	0.5	heuvel koen van den	2
vandenheuvel	175	van den Heuvel	name	1	heuvel koen van den	2
eva	176	Eva	name	1	vermeulen eva	2
excel	176	Excel	skill	0.7	vermeulen eva	2
planner	176	Planner	title	0.5	vermeulen eva	2
planning	176	Planning	skill	0.7	vermeulen eva	2
utrecht	176	Utrecht	location	0.5	vermeulen eva	2
vermeulen	176	Vermeulen	name	1	vermeulen eva	2
janssen	177	Janssen	name	1	janssen julia	2
julia	177	Julia	name	1	janssen julia	2
planner	177	Planner	title	0.5	janssen julia	2
planning	177	Planning	skill	0.7	janssen julia	2
utrecht	177	Utrecht	location	0.5	janssen julia	2
emma	178	Emma	name	1	ozturk emma	2
ozturk	178	Öztürk	name	1	ozturk emma	2
planner	178	Planner	title	0.5	ozturk emma	2
planning	178	Planning	skill	0.7	ozturk emma	2
utrecht	178	Utrecht	location	0.5	ozturk emma	2
dijkstra	179	Dijkstra	name	1	dijkstra huseyin	3
huseyin	179	Hüseyin	name	1	dijkstra huseyin	3
ict	179	ICT	department	0.6	dijkstra huseyin	3
linux	179	Linux	skill	0.7	dijkstra huseyin	3
teamleider	179	Teamleider	title	0.5	dijkstra huseyin	3
utrecht	179	Utrecht	location	0.5	dijkstra huseyin	3
berg	180	Berg	name	1	berg bjorn van den	3
bjorn	180	Bjørn	name	1	berg bjorn van den	3
ict	180	ICT	department	0.6	berg bjorn van den	3
postgresql	180	PostgreSQL	skill	0.7	berg bjorn van den	3
systeembeheerder	180	Systeembeheerder	title	0.5	berg bjorn van den	3
utrecht	180	Utrecht	location	0.5	berg bjorn van den	3
vandenberg	180	van den Berg	name	1	berg bjorn van den	3
dijk	181	Dijk	name	1	dijk roos van	3
ict	181	ICT	department	0.6	dijk roos van	3
ontwikkelaar	181	Ontwikkelaar	title	0.5	dijk roos van	3
postgresql	181	PostgreSQL	skill	0.7	dijk roos van	3
roos	181	Roos	name	1	dijk roos van	3
utrecht	181	Utrecht	location	0.5	dijk roos van	3
vandijk	181	van Dijk	name	1	dijk roos van	3
dejong	182	de Jong	name	1	jong julia de	3
go	182	Go	skill	0.7	jong julia de	3
ict	182	ICT	department	0.6	jong julia de	3
jong	182	Jong	name	1	jong julia de	3
julia	182	Julia	name	1	jong julia de	3
postgresql	182	PostgreSQL	skill	0.7	jong julia de	3
servicedesk	182	Servicedesk	title	0.5	jong julia de	3
utrecht	182	Utrecht	location	0.5	jong julia de	3
ict	183	ICT	department	0.6	kuipers sophie	3
kuipers	183	Kuipers	name	1	kuipers sophie	3
linux	183	Linux	skill	0.7	kuipers sophie	3
ontwikkelaar	183	Ontwikkelaar	title	0.5	kuipers sophie	3
sophie	183	Sophie	name	1	kuipers sophie	3
utrecht	183	Utrecht	location	0.5	kuipers sophie	3
dejong	184	de Jong	name	1	jong iris de	3
excel	184	Excel	skill	0.7	jong iris de	3
ict	184	ICT	department	0.6	jong iris de	3
iris	184	Iris	name	1	jong iris de	3
jong	184	Jong	name	1	jong iris de	3
servicedesk	184	Servicedesk	title	0.5	jong iris de	3
utrecht	184	Utrecht	location	0.5	jong iris de	3
horst	185	Horst	name	1	horst mirjam ter	3
ict	185	ICT	department	0.6	horst mirjam ter	3
linux	185	Linux	skill	0.7	horst mirjam ter	3
mirjam	185	Mirjam	name	1	horst mirjam ter	3
systeembeheerder	185	Systeembeheerder	title	0.5	horst mirjam ter	3
terhorst	185	ter Horst	name	1	horst mirjam ter	3
utrecht	185	Utrecht	location	0.5	horst mirjam ter	3
celik	186	Çelik	name	1	celik gijs	3
gijs	186	Gijs	name	1	celik gijs	3
ict	186	ICT	department	0.6	celik gijs	3
linux	186	Linux	skill	0.7	celik gijs	3
systeembeheerder	186	Systeembeheerder	title	0.5	celik gijs	3
utrecht	186	Utrecht	location	0.5	celik gijs	3
dejong	187	de Jong	name	1	jong maarten de	3
excel	187	Excel	skill	0.7	jong maarten de	3
ict	187	ICT	department	0.6	jong maarten de	3
jong	187	Jong	name	1	jong maarten de	3
linux	187	Linux	skill	0.7	jong maarten de	3
maarten	187	Maarten	name	1	jong maarten de	3
ontwikkelaar	187	Ontwikkelaar	title	0.5	jong maarten de	3
utrecht	187	Utrecht	location	0.5	jong maarten de	3
dejong	188	de Jong	name	1	jong femke de	3
femke	188	Femke	name	1	jong femke de	3
go	188	Go	skill	0.7	jong femke de	3
ict	188	ICT	department	0.6	jong femke de	3
jong	188	Jong	name	1	jong femke de	3
ontwikkelaar	188	Ontwikkelaar	title	0.5	jong femke de	3
utrecht	188	Utrecht	location	0.5	jong femke de	3
gijs	189	Gijs	name	1	koster gijs	3
ict	189	ICT	department	0.6	koster gijs	3
koster	189	Koster	name	1	koster gijs	3
postgresql	189	PostgreSQL	skill	0.7	koster gijs	3
systeembeheerder	189	Systeembeheerder	title	0.5	koster gijs	3
utrecht	189	Utrecht	location	0.5	koster gijs	3
excel	190	Excel	skill	0.7	hendriks lieke	3
hendriks	190	Hendriks	name	1	hendriks lieke	3
ict	190	ICT	department	0.6	hendriks lieke	3
lieke	190	Lieke	name	1	hendriks lieke	3
servicedesk	190	Servicedesk	title	0.5	hendriks lieke	3
utrecht	190	Utrecht	location	0.5	hendriks lieke	3
arbeidsrecht	191	Arbeidsrecht	skill	0.7	wit iris de	10
dewit	191	de Wit	name	1	wit iris de	10
hr	191	HR	department	0.6	wit iris de	10
iris	191	Iris	name	1	wit iris de	10
teamleider	191	Teamleider	title	0.5	wit iris de	10
turks	191	Turks	skill	0.7	wit iris de	10
utrecht	191	Utrecht	location	0.5	wit iris de	10
wit	191	Wit	name	1	wit iris de	10
hr	192	HR	department	0.6	leeuwen lars van	10
lars	192	Lars	name	1	leeuwen lars van	10
leeuwen	192	Leeuwen	name	1	leeuwen lars van	10
salarisadministrateur	192	Salarisadministrateur	title	0.5	leeuwen lars van	10
turks	192	Turks	skill	0.7	leeuwen lars van	10
utrecht	192	Utrecht	location	0.5	leeuwen lars van	10
vanleeuwen	192	van Leeuwen	name	1	leeuwen lars van	10
dijkstra	193	Dijkstra	name	1	dijkstra joelle	10
hr	193	HR	department	0.6	dijkstra joelle	10
joelle	193	Joëlle	name	1	dijkstra joelle	10
salarisadministrateur	193	Salarisadministrateur	title	0.5	dijkstra joelle	10
turks	193	Turks	skill	0.7	dijkstra joelle	10
utrecht	193	Utrecht	location	0.5	dijkstra joelle	10
verzuim	193	Verzuim	skill	0.7	dijkstra joelle	10
adviseur	194	HR-adviseur	title	0.5	brouwer zoe	10
brouwer	194	Brouwer	name	1	brouwer zoe	10
hr	194	HR	department	0.6	brouwer zoe	10
hradviseur	194	HR-adviseur	title	0.5	brouwer zoe	10
utrecht	194	Utrecht	location	0.5	brouwer zoe	10
verzuim	194	Verzuim	skill	0.7	brouwer zoe	10
zoe	194	Zoë	name	1	brouwer zoe	10
arbeidsrecht	195	Arbeidsrecht	skill	0.7	hoekstra marieke	10
hoekstra	195	Hoekstra	name	1	hoekstra marieke	10
hr	195	HR	department	0.6	hoekstra marieke	10
marieke	195	Marieke	name	1	hoekstra marieke	10
salarisadministrateur	195	Salarisadministrateur	title	0.5	hoekstra marieke	10
utrecht	195	Utrecht	location	0.5	hoekstra marieke	10
adviseur	196	HR-adviseur	title	0.5	janssen eva	10
eva	196	Eva	name	1	janssen eva	10
hr	196	HR	department	0.6	janssen eva	10
hradviseur	196	HR-adviseur	title	0.5	janssen eva	10
janssen	196	Janssen	name	1	janssen eva	10
utrecht	196	Utrecht	location	0.5	janssen eva	10
verzuim	196	Verzuim	skill	0.7	janssen eva	10
adviseur	197	HR-adviseur	title	0.5	bos jeroen	10
arbeidsrecht	197	Arbeidsrecht	skill	0.7	bos jeroen	10
bos	197	Bos	name	1	bos jeroen	10
hr	197	HR	department	0.6	bos jeroen	10
hradviseur	197	HR-adviseur	title	0.5	bos jeroen	10
jeroen	197	Jeroen	name	1	bos jeroen	10
utrecht	197	Utrecht	location	0.5	bos jeroen	10
arbeidsrecht	198	Arbeidsrecht	skill	0.7	meijer jeroen	10
hr	198	HR	department	0.6	meijer jeroen	10
jeroen	198	Jeroen	name	1	meijer jeroen	10
meijer	198	Meijer	name	1	meijer jeroen	10
salarisadministrateur	198	Salarisadministrateur	title	0.5	meijer jeroen	10
utrecht	198	Utrecht	location	0.5	meijer jeroen	10
verzuim	198	Verzuim	skill	0.7	meijer jeroen	10
communicatie	199	Communicatie	department	0.6	veen pieter van der	11
pieter	199	Pieter	name	1	veen pieter van der	11
schrijven	199	Schrijven	skill	0.7	veen pieter van der	11
teamleider	199	Teamleider	title	0.5	veen pieter van der	11
utrecht	199	Utrecht	location	0.5	veen pieter van der	11
vanderveen	199	van der Veen	name	1	veen pieter van der	11
veen	199	Veen	name	1	veen pieter van der	11
communicatie	200	Communicatie	department	0.6	janssen willemijn	11
communicatieadviseur	200	Communicatieadviseur	title	0.5	janssen willemijn	11
fotografie	200	Fotografie	skill	0.7	janssen willemijn	11
janssen	200	Janssen	name	1	janssen willemijn	11
utrecht	200	Utrecht	location	0.5	janssen willemijn	11
willemijn	200	Willemijn	name	1	janssen willemijn	11
bakker	201	Bakker	name	1	bakker marieke	11
communicatie	201	Communicatie	department	0.6	bakker marieke	11
engels	201	Engels	skill	0.7	bakker marieke	11
marieke	201	Marieke	name	1	bakker marieke	11
redacteur	201	Redacteur	title	0.5	bakker marieke	11
utrecht	201	Utrecht	location	0.5	bakker marieke	11
communicatie	202	Communicatie	department	0.6	jacobs kees	11
communicatieadviseur	202	Communicatieadviseur	title	0.5	jacobs kees	11
engels	202	Engels	skill	0.7	jacobs kees	11
fotografie	202	Fotografie	skill	0.7	jacobs kees	11
jacobs	202	Jacobs	name	1	jacobs kees	11
kees	202	Kees	name	1	jacobs kees	11
utrecht	202	Utrecht	location	0.5	jacobs kees	11
bjorn	203	Bjørn	name	1	graaf bjorn de	11
communicatie	203	Communicatie	department	0.6	graaf bjorn de	11
communicatieadviseur	203	Communicatieadviseur	title	0.5	graaf bjorn de	11
degraaf	203	de Graaf	name	1	graaf bjorn de	11
graaf	203	Graaf	name	1	graaf bjorn de	11
schrijven	203	Schrijven	skill	0.7	graaf bjorn de	11
utrecht	203	Utrecht	location	0.5	graaf bjorn de	11
communicatie	204	Communicatie	department	0.6	jansen henk	11
fotografie	204	Fotografie	skill	0.7	jansen henk	11
henk	204	Henk	name	1	jansen henk	11
jansen	204	Jansen	name	1	jansen henk	11
redacteur	204	Redacteur	title	0.5	jansen henk	11
utrecht	204	Utrecht	location	0.5	jansen henk	11
berg	205	Berg	name	1	berg wietske van den	11
communicatie	205	Communicatie	department	0.6	berg wietske van den	11
engels	205	Engels	skill	0.7	berg wietske van den	11
fotografie	205	Fotografie	skill	0.7	berg wietske van den	11
redacteur	205	Redacteur	title	0.5	berg wietske van den	11
utrecht	205	Utrecht	location	0.5	berg wietske van den	11
vandenberg	205	van den Berg	name	1	berg wietske van den	11
wietske	205	Wietske	name	1	berg wietske van den	11
celik	206	Çelik	name	1	celik sem	11
communicatie	206	Communicatie	department	0.6	celik sem	11
engels	206	Engels	skill	0.7	celik sem	11
fotografie	206	Fotografie	skill	0.7	celik sem	11
redacteur	206	Redacteur	title	0.5	celik sem	11
sem	206	Sem	name	1	celik sem	11
utrecht	206	Utrecht	location	0.5	celik sem	11
degroot	207	de Groot	name	1	groot gijs de	12
facilitair	207	Facilitair	department	0.6	groot gijs de	12
gijs	207	Gijs	name	1	groot gijs de	12
groot	207	Groot	name	1	groot gijs de	12
inkoop	207	Inkoop	skill	0.7	groot gijs de	12
teamleider	207	Teamleider	title	0.5	groot gijs de	12
utrecht	207	Utrecht	location	0.5	groot gijs de	12
bhv	208	BHV	skill	0.7	vermeulen henk	12
facilitair	208	Facilitair	department	0.6	vermeulen henk	12
facilitairmedewerker	208	Facilitair medewerker	title	0.5	vermeulen henk	12
henk	208	Henk	name	1	vermeulen henk	12
inkoop	208	Inkoop	skill	0.7	vermeulen henk	12
medewerker	208	medewerker	title	0.5	vermeulen henk	12
utrecht	208	Utrecht	location	0.5	vermeulen henk	12
vermeulen	208	Vermeulen	name	1	vermeulen henk	12
bhv	209	BHV	skill	0.7	smit stijn	12
facilitair	209	Facilitair	department	0.6	smit stijn	12
facilitairmedewerker	209	Facilitair medewerker	title	0.5	smit stijn	12
inkoop	209	Inkoop	skill	0.7	smit stijn	12
medewerker	209	medewerker	title	0.5	smit stijn	12
smit	209	Smit	name	1	smit stijn	12
stijn	209	Stijn	name	1	smit stijn	12
utrecht	209	Utrecht	location	0.5	smit stijn	12
bhv	210	BHV	skill	0.7	jacobs wouter	12
facilitair	210	Facilitair	department	0.6	jacobs wouter	12
facilitairmedewerker	210	Facilitair medewerker	title	0.5	jacobs wouter	12
inkoop	210	Inkoop	skill	0.7	jacobs wouter	12
jacobs	210	Jacobs	name	1	jacobs wouter	12
medewerker	210	medewerker	title	0.5	jacobs wouter	12
utrecht	210	Utrecht	location	0.5	jacobs wouter	12
wouter	210	Wouter	name	1	jacobs wouter	12
bhv	211	BHV	skill	0.7	muller lars	12
facilitair	211	Facilitair	department	0.6	muller lars	12
inkoop	211	Inkoop	skill	0.7	muller lars	12
lars	211	Lars	name	1	muller lars	12
muller	211	Müller	name	1	muller lars	12
receptionist	211	Receptionist	title	0.5	muller lars	12
utrecht	211	Utrecht	location	0.5	muller lars	12
bakker	212	Bakker	name	1	bakker joelle	12
bhv	212	BHV	skill	0.7	bakker joelle	12
facilitair	212	Facilitair	department	0.6	bakker joelle	12
inkoop	212	Inkoop	skill	0.7	bakker joelle	12
joelle	212	Joëlle	name	1	bakker joelle	12
receptionist	212	Receptionist	title	0.5	bakker joelle	12
utrecht	212	Utrecht	location	0.5	bakker joelle	12
facilitair	213	Facilitair	department	0.6	jansen huseyin	12
facilitairmedewerker	213	Facilitair medewerker	title	0.5	jansen huseyin	12
huseyin	213	Hüseyin	name	1	jansen huseyin	12
inkoop	213	Inkoop	skill	0.7	jansen huseyin	12
jansen	213	Jansen	name	1	jansen huseyin	12
medewerker	213	medewerker	title	0.5	jansen huseyin	12
utrecht	213	Utrecht	location	0.5	jansen huseyin	12
bhv	214	BHV	skill	0.7	hoekstra roos	12
facilitair	214	Facilitair	department	0.6	hoekstra roos	12
facilitairmedewerker	214	Facilitair medewerker	title	0.5	hoekstra roos	12
hoekstra	214	Hoekstra	name	1	hoekstra roos	12
medewerker	214	medewerker	title	0.5	hoekstra roos	12
roos	214	Roos	name	1	hoekstra roos	12
utrecht	214	Utrecht	location	0.5	hoekstra roos	12
bhv	215	BHV	skill	0.7	leeuwen iris van	12
facilitair	215	Facilitair	department	0.6	leeuwen iris van	12
facilitairmedewerker	215	Facilitair medewerker	title	0.5	leeuwen iris van	12
inkoop	215	Inkoop	skill	0.7	leeuwen iris van	12
iris	215	Iris	name	1	leeuwen iris van	12
leeuwen	215	Leeuwen	name	1	leeuwen iris van	12
medewerker	215	medewerker	title	0.5	leeuwen iris van	12
utrecht	215	Utrecht	location	0.5	leeuwen iris van	12
vanleeuwen	215	van Leeuwen	name	1	leeuwen iris van	12
bhv	216	BHV	skill	0.7	vos stijn	12
facilitair	216	Facilitair	department	0.6	vos stijn	12
inkoop	216	Inkoop	skill	0.7	vos stijn	12
receptionist	216	Receptionist	title	0.5	vos stijn	12
stijn	216	Stijn	name	1	vos stijn	12
utrecht	216	Utrecht	location	0.5	vos stijn	12
vos	216	Vos	name	1	vos stijn	12
arabisch	217	Arabisch	skill	0.7	dekker lars	13
dekker	217	Dekker	name	1	dekker lars	13
excel	217	Excel	skill	0.7	dekker lars	13
financien	217	Financiën	department	0.6	dekker lars	13
lars	217	Lars	name	1	dekker lars	13
teamleider	217	Teamleider	title	0.5	dekker lars	13
utrecht	217	Utrecht	location	0.5	dekker lars	13
arabisch	218	Arabisch	skill	0.7	dekker huseyin	13
controller	218	Controller	title	0.5	dekker huseyin	13
dekker	218	Dekker	name	1	dekker huseyin	13
excel	218	Excel	skill	0.7	dekker huseyin	13
financien	218	Financiën	department	0.6	dekker huseyin	13
huseyin	218	Hüseyin	name	1	dekker huseyin	13
utrecht	218	Utrecht	location	0.5	dekker huseyin	13
boekhouder	219	Boekhouder	title	0.5	jong sophie de	13
dejong	219	de Jong	name	1	jong sophie de	13
excel	219	Excel	skill	0.7	jong sophie de	13
financien	219	Financiën	department	0.6	jong sophie de	13
jong	219	Jong	name	1	jong sophie de	13
sophie	219	Sophie	name	1	jong sophie de	13
utrecht	219	Utrecht	location	0.5	jong sophie de	13
arabisch	220	Arabisch	skill	0.7	janssen iris	13
boekhouder	220	Boekhouder	title	0.5	janssen iris	13
financien	220	Financiën	department	0.6	janssen iris	13
iris	220	Iris	name	1	janssen iris	13
janssen	220	Janssen	name	1	janssen iris	13
utrecht	220	Utrecht	location	0.5	janssen iris	13
arabisch	221	Arabisch	skill	0.7	brouwer eva	13
boekhouder	221	Boekhouder	title	0.5	brouwer eva	13
brouwer	221	Brouwer	name	1	brouwer eva	13
eva	221	Eva	name	1	brouwer eva	13
excel	221	Excel	skill	0.7	brouwer eva	13
financien	221	Financiën	department	0.6	brouwer eva	13
utrecht	221	Utrecht	location	0.5	brouwer eva	13
boekhouder	222	Boekhouder	title	0.5	jong thijs de	13
dejong	222	de Jong	name	1	jong thijs de	13
excel	222	Excel	skill	0.7	jong thijs de	13
financien	222	Financiën	department	0.6	jong thijs de	13
jong	222	Jong	name	1	jong thijs de	13
thijs	222	Thijs	name	1	jong thijs de	13
utrecht	222	Utrecht	location	0.5	jong thijs de	13
arabisch	223	Arabisch	skill	0.7	dijkstra gijs	13
controller	223	Controller	title	0.5	dijkstra gijs	13
dijkstra	223	Dijkstra	name	1	dijkstra gijs	13
excel	223	Excel	skill	0.7	dijkstra gijs	13
financien	223	Financiën	department	0.6	dijkstra gijs	13
gijs	223	Gijs	name	1	dijkstra gijs	13
utrecht	223	Utrecht	location	0.5	dijkstra gijs	13
boekhouder	224	Boekhouder	title	0.5	mulder daan	13
daan	224	Daan	name	1	mulder daan	13
excel	224	Excel	skill	0.7	mulder daan	13
financien	224	Financiën	department	0.6	mulder daan	13
mulder	224	Mulder	name	1	mulder daan	13
utrecht	224	Utrecht	location	0.5	mulder daan	13
adviseur	225	Adviseur	title	0.5	gastvrij gijs	14
adviseurhulpmiddelen	225	Adviseur hulpmiddelen	title	0.5	gastvrij gijs	14
extern	225	Extern	department	0.6	gastvrij gijs	14
gastvrij	225	Gastvrij	name	1	gastvrij gijs	14
gijs	225	Gijs	name	1	gastvrij gijs	14
hulpmiddelen	225	hulpmiddelen	title	0.5	gastvrij gijs	14
zeist	225	Zeist	location	0.5	gastvrij gijs	14
\.


--
-- Data for Name: river_job; Type: TABLE DATA; Schema: public; Owner: -
--

COPY public.river_job (id, state, attempt, max_attempts, attempted_at, created_at, finalized_at, scheduled_at, priority, args, attempted_by, errors, kind, metadata, queue, tags, unique_key, unique_states) FROM stdin;
1	scheduled	0	10	\N	2026-11-27 17:48:09.013638+00	\N	2026-11-28 08:50:00+00	1	{"due": "2026-11-28T08:50:00Z", "key": "booking:1", "kind": "booking.reminder"}	\N	\N	werkplek	{}	default	{}	\N	\N
2	scheduled	0	10	\N	2026-11-27 17:48:09.036206+00	\N	2026-11-29 13:00:00+00	1	{"due": "2026-11-29T13:00:00Z", "key": "handover:1", "kind": "handover.expire"}	\N	\N	werkplek	{}	default	{}	\N	\N
3	scheduled	0	10	\N	2026-11-27 17:48:09.03849+00	\N	2026-11-29 01:00:00+00	1	{"due": "2026-11-29T01:00:00Z", "key": "handover:1", "kind": "handover.remind"}	\N	\N	werkplek	{}	default	{}	\N	\N
4	available	0	10	\N	2026-11-27 17:48:09.041499+00	\N	2026-11-27 17:48:09.041499+00	1	{"due": "2026-11-27T17:48:09.041459Z", "kind": "outbox.deliver", "payload": "eyJpZCI6MX0="}	\N	\N	werkplek	{}	default	{}	\N	\N
\.


--
-- Data for Name: river_leader; Type: TABLE DATA; Schema: public; Owner: -
--

COPY public.river_leader (elected_at, expires_at, leader_id, name) FROM stdin;
\.


--
-- Data for Name: river_migration; Type: TABLE DATA; Schema: public; Owner: -
--

COPY public.river_migration (line, version, created_at) FROM stdin;
main	1	2026-11-27 17:48:08.869368+00
main	2	2026-11-27 17:48:08.878852+00
main	3	2026-11-27 17:48:08.908051+00
main	4	2026-11-27 17:48:08.910934+00
main	5	2026-11-27 17:48:08.921954+00
main	6	2026-11-27 17:48:08.953631+00
main	7	2026-11-27 17:48:08.959375+00
main	8	2026-11-27 17:48:08.976395+00
\.


--
-- Data for Name: river_notification; Type: TABLE DATA; Schema: public; Owner: -
--

COPY public.river_notification (id, created_at, payload, topic) FROM stdin;
\.


--
-- Data for Name: river_queue; Type: TABLE DATA; Schema: public; Owner: -
--

COPY public.river_queue (name, created_at, metadata, paused_at, updated_at) FROM stdin;
default	2026-11-27 17:48:08.992902+00	{}	\N	2026-11-27 17:48:08.992902+00
\.


--
-- Data for Name: rooms; Type: TABLE DATA; Schema: public; Owner: -
--

COPY public.rooms (id, name, key, location, capacity, facilities, opens, closes, retired_at, created_at, updated_at) FROM stdin;
1	De Dom	de dom	Utrecht, 3e verdieping	12	screen;video;whiteboard	420	1140	\N	2026-11-27 17:48:08.832199+00	2026-11-27 17:48:08.832199+00
2	Oudegracht	oudegracht	Utrecht, 2e verdieping	6	screen;whiteboard	420	1140	\N	2026-11-27 17:48:08.832199+00	2026-11-27 17:48:08.832199+00
3	Stilte	stilte	Utrecht, 2e verdieping	2		420	1140	\N	2026-11-27 17:48:08.832199+00	2026-11-27 17:48:08.832199+00
4	Zorgkamer Oost	zorgkamer oost	Utrecht, begane grond	8	screen	360	1380	\N	2026-11-27 17:48:08.832199+00	2026-11-27 17:48:08.832199+00
5	Amersfoort Kei	amersfoort kei	Amersfoort	10	video;whiteboard	480	1080	\N	2026-11-27 17:48:08.832199+00	2026-11-27 17:48:08.832199+00
6	Zeist Slot	zeist slot	Zeist	4	screen	480	1020	\N	2026-11-27 17:48:08.832199+00	2026-11-27 17:48:08.832199+00
\.


--
-- Data for Name: schema_migrations; Type: TABLE DATA; Schema: public; Owner: -
--

COPY public.schema_migrations (version, name, applied_at) FROM stdin;
1	people, accounts, state, mail	2026-11-27 17:48:08.599555+00
2	jobs: schedules, runs, outbox, SQLite queue	2026-11-27 17:48:08.618925+00
3	rooms, bookings (no overlap), feed tokens	2026-11-27 17:48:08.697999+00
4	teams, members, channels; handovers, their events and posted cards	2026-11-27 17:48:08.745808+00
\.


--
-- Data for Name: search_terms; Type: TABLE DATA; Schema: public; Owner: -
--

COPY public.search_terms (term, display, people) FROM stdin;
boer	Boer	4
anouk	Anouk	4
planning	Planning	14
postma	Postma	4
kok	Kok	4
utrecht	Utrecht	119
amrani	Amrani	2
vanbeek	van Beek	1
vanderveen	van der Veen	3
devries	de Vries	10
oost	Oost	38
vanderlinden	van der Linden	5
directie	Directie	1
roos	Roos	4
hr	HR	8
bjorn	Bjørn	8
bakker	Bakker	12
koster	Koster	4
noord	Noord	28
tess	Tess	3
kassa	Kassa	13
communicatie	Communicatie	8
financien	Financiën	8
bhv	BHV	8
vanthof	van 't Hof	2
verzorgende	Verzorgende	53
terhorst	ter Horst	3
eva	Eva	6
communicatieadviseur	Communicatieadviseur	3
diabetes	Diabetes	12
roosteraar	Roosteraar	3
adviseurhulpmiddelen	Adviseur hulpmiddelen	1
linden	Linden	5
milan	Milan	5
graaf	Graaf	4
lars	Lars	4
wondzorg	Wondzorg	42
receptionist	Receptionist	3
mulder	Mulder	6
facilitair	Facilitair	10
dewit	de Wit	2
willems	Willems	1
sophie	Sophie	7
go	Go	3
ruben	Ruben	7
leeuwen	Leeuwen	6
mirjam	Mirjam	4
schrijven	Schrijven	2
excel	Excel	16
huishouding	Huishouding	10
veen	Veen	3
systeembeheerder	Systeembeheerder	4
brouwer	Brouwer	5
directeurbestuurder	Directeur-bestuurder	1
zorgwest	Zorg West	30
hradviseur	HR-adviseur	3
fotografie	Fotografie	5
vandermeer	van der Meer	3
peters	Peters	2
postgresql	PostgreSQL	5
ehbo	EHBO	1
heuvel	Heuvel	4
ingrid	Ingrid	4
jong	Jong	21
teamleider	Teamleider	12
huishoudelijkmedewerker	Huishoudelijk medewerker	9
visser	Visser	6
west	West	30
vries	Vries	10
jasper	Jasper	3
femke	Femke	3
directeur	Directeur-bestuurder	1
engels	Engels	13
vandijk	van Dijk	5
centrum	Centrum	20
janssen	Janssen	8
ict	ICT	13
fatima	Fatima	2
woerden	Woerden	30
buitendienst	Buitendienst	23
facilitairmedewerker	Facilitair medewerker	6
joost	Joost	6
jan	Jan	1
meer	Meer	3
broek	Broek	3
maarten	Maarten	6
julia	Julia	8
vandenbroek	van den Broek	3
zoe	Zoë	3
meijer	Meijer	7
degraaf	de Graaf	4
bram	Bram	2
hendriks	Hendriks	3
celik	Çelik	2
huishoudelijk	Huishoudelijk	9
dementie	Dementie	39
muller	Müller	5
dehaan	de Haan	2
vandenberg	van den Berg	9
stijn	Stijn	7
jeroen	Jeroen	3
henk	Henk	5
deboer	de Boer	4
dejong	de Jong	21
hulpmiddelen	Hulpmiddelen	10
beek	Beek	1
hoekstra	Hoekstra	5
gastvrij	Gastvrij	1
redacteur	Redacteur	4
berg	Berg	9
vanleeuwen	van Leeuwen	6
amersfoort	Amersfoort	28
filiaalmedewerker	Filiaalmedewerker	9
kuipers	Kuipers	2
nijland	Nijland	3
haan	Haan	2
lotte	Lotte	1
huisman	Huisman	2
thuiszorg	Thuiszorg	24
annelies	Annelies	2
vandenheuvel	van den Heuvel	4
verzorgendeig	Verzorgende IG	39
arbeidsrecht	Arbeidsrecht	4
wietske	Wietske	7
houten	Houten	24
medicatie	Medicatie	25
iris	Iris	7
dijk	Dijk	5
inkoop	Inkoop	9
salarisadministrateur	Salarisadministrateur	4
zeist	Zeist	24
daan	Daan	4
boekhouder	Boekhouder	5
zorgnoord	Zorg Noord	28
sanne	Sanne	7
wijkverpleegkundige	Wijkverpleegkundige	33
dekker	Dekker	5
youssef	Youssef	2
smit	Smit	4
bestuurder	Directeur-bestuurder	1
chloe	Chloë	7
hansen	Hansen	1
vos	Vos	2
servicemonteur	Servicemonteur	10
esther	Esther	2
lieke	Lieke	7
wouter	Wouter	4
planner	Planner	9
pieter	Pieter	3
tilliften	Tilliften	33
renee	Renée	4
jacobs	Jacobs	4
koen	Koen	4
smits	Smits	2
servicedesk	Servicedesk	3
verzuim	Verzuim	4
elamrani	El Amrani	2
thuiszorghouten	Thuiszorg Houten	24
ontwikkelaar	Ontwikkelaar	5
palliatievezorg	Palliatieve zorg	20
zorg	Zorg	96
rijbewijsb	Rijbewijs B	20
degroot	de Groot	5
horst	Horst	3
anna	Anna	2
zorgoost	Zorg Oost	38
ozturk	Öztürk	2
gijs	Gijs	7
bruijn	Bruijn	2
verkoper	Verkoper	10
sem	Sem	2
floor	Floor	2
ig	IG	39
kees	Kees	3
emma	Emma	3
helpende	Helpende	21
adviseur	Adviseur	4
medewerker	medewerker	15
groot	Groot	5
winkelcentrum	Winkel Centrum	20
vermeulen	Vermeulen	4
thijs	Thijs	9
duits	Duits	15
marieke	Marieke	9
controller	Controller	2
debruijn	de Bruijn	2
huseyin	Hüseyin	5
joelle	Joëlle	3
willemijn	Willemijn	4
extern	Extern	1
bos	Bos	2
el	El	2
wit	Wit	2
winkel	Winkel	20
bosman	Bosman	2
niels	Niels	4
linux	Linux	5
turks	Turks	3
rijbewijs	Rijbewijs	20
arabisch	Arabisch	5
dijkstra	Dijkstra	7
palliatieve	Palliatieve	20
hof	Hof	2
accountmanager	Accountmanager	12
jansen	Jansen	12
noor	Noor	5
sietske	Sietske	1
\.


--
-- Data for Name: skills; Type: TABLE DATA; Schema: public; Owner: -
--

COPY public.skills (term, name) FROM stdin;
arabisch	Arabisch
arbeidsrecht	Arbeidsrecht
bhv	BHV
dementie	Dementie
diabetes	Diabetes
duits	Duits
ehbo	EHBO
engels	Engels
excel	Excel
fotografie	Fotografie
go	Go
huishouding	Huishouding
hulpmiddelen	Hulpmiddelen
inkoop	Inkoop
kassa	Kassa
linux	Linux
medicatie	Medicatie
palliatieve	Palliatieve
palliatievezorg	Palliatieve zorg
planning	Planning
postgresql	PostgreSQL
rijbewijs	Rijbewijs
rijbewijsb	Rijbewijs B
schrijven	Schrijven
tilliften	Tilliften
turks	Turks
verzuim	Verzuim
wondzorg	Wondzorg
zorg	zorg
\.


--
-- Data for Name: states; Type: TABLE DATA; Schema: public; Owner: -
--

COPY public.states (namespace, key, value, updated_at) FROM stdin;
teams	department_sync	225|14|2026-11-27 17:48:08.748814+00	2026-11-27 17:48:08.857281+00
lease	jobs.console		2026-11-27 17:48:08.988497+00
\.


--
-- Data for Name: team_channels; Type: TABLE DATA; Schema: public; Owner: -
--

COPY public.team_channels (platform, channel_id, installation, team_id) FROM stdin;
console	zorg-oost	local	1
\.


--
-- Data for Name: team_members; Type: TABLE DATA; Schema: public; Owner: -
--

COPY public.team_members (team_id, person_id, is_member, is_lead) FROM stdin;
1	1	t	t
1	2	t	f
1	3	t	f
1	4	t	f
2	5	t	f
3	6	t	f
4	7	t	f
5	8	t	f
1	9	t	f
1	10	t	f
1	11	t	f
1	12	t	f
1	13	t	f
1	14	t	f
1	15	t	f
1	16	t	f
1	17	t	f
1	18	t	f
1	19	t	f
1	20	t	f
1	21	t	f
1	22	t	f
1	23	t	f
1	24	t	f
1	25	t	f
1	26	t	f
1	27	t	f
1	28	t	f
1	29	t	f
1	30	t	f
1	31	t	f
1	32	t	f
1	33	t	f
1	34	t	f
1	35	t	f
1	36	t	f
1	37	t	f
1	38	t	f
1	39	t	f
1	40	t	f
1	41	t	f
1	42	t	f
6	43	t	t
6	44	t	f
6	45	t	f
6	46	t	f
6	47	t	f
6	48	t	f
6	49	t	f
6	50	t	f
6	51	t	f
6	52	t	f
6	53	t	f
6	54	t	f
6	55	t	f
6	56	t	f
6	57	t	f
6	58	t	f
6	59	t	f
6	60	t	f
6	61	t	f
6	62	t	f
6	63	t	f
6	64	t	f
6	65	t	f
6	66	t	f
2	168	t	f
6	67	t	f
6	68	t	f
6	69	t	f
6	70	t	f
6	71	t	f
6	72	t	f
7	73	t	t
7	74	t	f
7	75	t	f
7	76	t	f
7	77	t	f
7	78	t	f
7	79	t	f
7	80	t	f
7	81	t	f
7	82	t	f
7	83	t	f
7	84	t	f
7	85	t	f
7	86	t	f
7	87	t	f
7	88	t	f
7	89	t	f
7	90	t	f
7	91	t	f
7	92	t	f
7	93	t	f
7	94	t	f
7	95	t	f
7	96	t	f
7	97	t	f
7	98	t	f
7	99	t	f
7	100	t	f
8	101	t	t
8	102	t	f
8	103	t	f
8	104	t	f
8	105	t	f
8	106	t	f
8	107	t	f
8	108	t	f
8	109	t	f
8	110	t	f
8	111	t	f
8	112	t	f
8	113	t	f
8	114	t	f
8	115	t	f
8	116	t	f
8	117	t	f
8	118	t	f
8	119	t	f
8	120	t	f
8	121	t	f
8	122	t	f
8	123	t	f
8	124	t	f
9	125	t	t
9	126	t	f
9	127	t	f
9	128	t	f
9	129	t	f
9	130	t	f
9	131	t	f
9	132	t	f
9	133	t	f
9	134	t	f
9	135	t	f
9	136	t	f
9	137	t	f
9	138	t	f
9	139	t	f
9	140	t	f
9	141	t	f
9	142	t	f
9	143	t	f
9	144	t	f
4	145	t	t
4	146	t	f
4	147	t	f
4	148	t	f
4	149	t	f
4	150	t	f
4	151	t	f
4	152	t	f
4	153	t	f
4	154	t	f
4	155	t	f
4	156	t	f
4	157	t	f
4	158	t	f
4	159	t	f
4	160	t	f
4	161	t	f
4	162	t	f
4	163	t	f
4	164	t	f
4	165	t	f
4	166	t	f
2	167	t	t
2	169	t	f
2	170	t	f
2	171	t	f
2	172	t	f
2	173	t	f
2	174	t	f
2	175	t	f
2	176	t	f
2	177	t	f
2	178	t	f
3	179	t	t
3	180	t	f
3	181	t	f
3	182	t	f
3	183	t	f
3	184	t	f
3	185	t	f
3	186	t	f
3	187	t	f
3	188	t	f
3	189	t	f
3	190	t	f
10	191	t	t
10	192	t	f
10	193	t	f
10	194	t	f
10	195	t	f
10	196	t	f
10	197	t	f
10	198	t	f
11	199	t	t
11	200	t	f
11	201	t	f
11	202	t	f
11	203	t	f
11	204	t	f
11	205	t	f
11	206	t	f
12	207	t	t
12	208	t	f
12	209	t	f
12	210	t	f
12	211	t	f
12	212	t	f
12	213	t	f
12	214	t	f
12	215	t	f
12	216	t	f
13	217	t	t
13	218	t	f
13	219	t	f
13	220	t	f
13	221	t	f
13	222	t	f
13	223	t	f
13	224	t	f
\.


--
-- Data for Name: teams; Type: TABLE DATA; Schema: public; Owner: -
--

COPY public.teams (id, name, key, department_id, approval, created_at) FROM stdin;
1	Zorg Oost	zorgoost	1	f	2026-11-27 17:48:08+00
2	Planning	planning	2	f	2026-11-27 17:48:08+00
3	ICT	ict	3	f	2026-11-27 17:48:08+00
4	Buitendienst	buitendienst	4	f	2026-11-27 17:48:08+00
5	Directie	directie	5	f	2026-11-27 17:48:08+00
6	Zorg West	zorgwest	6	f	2026-11-27 17:48:08+00
7	Zorg Noord	zorgnoord	7	f	2026-11-27 17:48:08+00
8	Thuiszorg Houten	thuiszorghouten	8	f	2026-11-27 17:48:08+00
9	Winkel Centrum	winkelcentrum	9	f	2026-11-27 17:48:08+00
10	HR	hr	10	f	2026-11-27 17:48:08+00
11	Communicatie	communicatie	11	f	2026-11-27 17:48:08+00
12	Facilitair	facilitair	12	f	2026-11-27 17:48:08+00
13	Financiën	financien	13	f	2026-11-27 17:48:08+00
14	Extern	extern	14	f	2026-11-27 17:48:08+00
\.


--
-- Name: bookings_id_seq; Type: SEQUENCE SET; Schema: public; Owner: -
--

SELECT pg_catalog.setval('public.bookings_id_seq', 1, true);


--
-- Name: departments_id_seq; Type: SEQUENCE SET; Schema: public; Owner: -
--

SELECT pg_catalog.setval('public.departments_id_seq', 14, true);


--
-- Name: handover_events_id_seq; Type: SEQUENCE SET; Schema: public; Owner: -
--

SELECT pg_catalog.setval('public.handover_events_id_seq', 1, true);


--
-- Name: handovers_id_seq; Type: SEQUENCE SET; Schema: public; Owner: -
--

SELECT pg_catalog.setval('public.handovers_id_seq', 1, true);


--
-- Name: mail_id_seq; Type: SEQUENCE SET; Schema: public; Owner: -
--

SELECT pg_catalog.setval('public.mail_id_seq', 1, false);


--
-- Name: outbox_id_seq; Type: SEQUENCE SET; Schema: public; Owner: -
--

SELECT pg_catalog.setval('public.outbox_id_seq', 1, true);


--
-- Name: people_id_seq; Type: SEQUENCE SET; Schema: public; Owner: -
--

SELECT pg_catalog.setval('public.people_id_seq', 225, true);


--
-- Name: river_job_id_seq; Type: SEQUENCE SET; Schema: public; Owner: -
--

SELECT pg_catalog.setval('public.river_job_id_seq', 4, true);


--
-- Name: river_notification_id_seq; Type: SEQUENCE SET; Schema: public; Owner: -
--

SELECT pg_catalog.setval('public.river_notification_id_seq', 1, false);


--
-- Name: rooms_id_seq; Type: SEQUENCE SET; Schema: public; Owner: -
--

SELECT pg_catalog.setval('public.rooms_id_seq', 6, true);


--
-- Name: teams_id_seq; Type: SEQUENCE SET; Schema: public; Owner: -
--

SELECT pg_catalog.setval('public.teams_id_seq', 14, true);


--
-- Name: accounts accounts_pkey; Type: CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.accounts
    ADD CONSTRAINT accounts_pkey PRIMARY KEY (platform, installation, user_id);


--
-- Name: bookings bookings_no_overlap; Type: CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.bookings
    ADD CONSTRAINT bookings_no_overlap EXCLUDE USING gist (room_id WITH =, during WITH &&) WHERE (active);


--
-- Name: bookings bookings_pkey; Type: CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.bookings
    ADD CONSTRAINT bookings_pkey PRIMARY KEY (id);


--
-- Name: departments departments_key_key; Type: CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.departments
    ADD CONSTRAINT departments_key_key UNIQUE (key);


--
-- Name: departments departments_pkey; Type: CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.departments
    ADD CONSTRAINT departments_pkey PRIMARY KEY (id);


--
-- Name: feed_tokens feed_tokens_pkey; Type: CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.feed_tokens
    ADD CONSTRAINT feed_tokens_pkey PRIMARY KEY (feed);


--
-- Name: feed_tokens feed_tokens_token_key; Type: CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.feed_tokens
    ADD CONSTRAINT feed_tokens_token_key UNIQUE (token);


--
-- Name: handover_events handover_events_pkey; Type: CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.handover_events
    ADD CONSTRAINT handover_events_pkey PRIMARY KEY (id);


--
-- Name: handover_posts handover_posts_pkey; Type: CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.handover_posts
    ADD CONSTRAINT handover_posts_pkey PRIMARY KEY (handover_id, platform, channel_id);


--
-- Name: handovers handovers_pkey; Type: CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.handovers
    ADD CONSTRAINT handovers_pkey PRIMARY KEY (id);


--
-- Name: job_runs job_runs_pkey; Type: CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.job_runs
    ADD CONSTRAINT job_runs_pkey PRIMARY KEY (kind, key, due_at);


--
-- Name: job_schedules job_schedules_pkey; Type: CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.job_schedules
    ADD CONSTRAINT job_schedules_pkey PRIMARY KEY (kind, key);


--
-- Name: mail mail_pkey; Type: CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.mail
    ADD CONSTRAINT mail_pkey PRIMARY KEY (id);


--
-- Name: outbox outbox_key_key; Type: CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.outbox
    ADD CONSTRAINT outbox_key_key UNIQUE (key);


--
-- Name: outbox outbox_pkey; Type: CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.outbox
    ADD CONSTRAINT outbox_pkey PRIMARY KEY (id);


--
-- Name: people people_email_key; Type: CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.people
    ADD CONSTRAINT people_email_key UNIQUE (email);


--
-- Name: people people_pkey; Type: CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.people
    ADD CONSTRAINT people_pkey PRIMARY KEY (id);


--
-- Name: person_terms person_terms_pkey; Type: CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.person_terms
    ADD CONSTRAINT person_terms_pkey PRIMARY KEY (term, person_id);


--
-- Name: river_job river_job_pkey; Type: CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.river_job
    ADD CONSTRAINT river_job_pkey PRIMARY KEY (id);


--
-- Name: river_leader river_leader_pkey; Type: CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.river_leader
    ADD CONSTRAINT river_leader_pkey PRIMARY KEY (name);


--
-- Name: river_migration river_migration_pkey1; Type: CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.river_migration
    ADD CONSTRAINT river_migration_pkey1 PRIMARY KEY (line, version);


--
-- Name: river_notification river_notification_pkey; Type: CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.river_notification
    ADD CONSTRAINT river_notification_pkey PRIMARY KEY (id);


--
-- Name: river_queue river_queue_pkey; Type: CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.river_queue
    ADD CONSTRAINT river_queue_pkey PRIMARY KEY (name);


--
-- Name: rooms rooms_key_key; Type: CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.rooms
    ADD CONSTRAINT rooms_key_key UNIQUE (key);


--
-- Name: rooms rooms_pkey; Type: CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.rooms
    ADD CONSTRAINT rooms_pkey PRIMARY KEY (id);


--
-- Name: schema_migrations schema_migrations_pkey; Type: CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.schema_migrations
    ADD CONSTRAINT schema_migrations_pkey PRIMARY KEY (version);


--
-- Name: search_terms search_terms_pkey; Type: CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.search_terms
    ADD CONSTRAINT search_terms_pkey PRIMARY KEY (term);


--
-- Name: skills skills_pkey; Type: CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.skills
    ADD CONSTRAINT skills_pkey PRIMARY KEY (term);


--
-- Name: states states_pkey; Type: CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.states
    ADD CONSTRAINT states_pkey PRIMARY KEY (namespace, key);


--
-- Name: team_channels team_channels_pkey; Type: CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.team_channels
    ADD CONSTRAINT team_channels_pkey PRIMARY KEY (platform, channel_id);


--
-- Name: team_members team_members_pkey; Type: CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.team_members
    ADD CONSTRAINT team_members_pkey PRIMARY KEY (team_id, person_id);


--
-- Name: teams teams_department_id_key; Type: CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.teams
    ADD CONSTRAINT teams_department_id_key UNIQUE (department_id);


--
-- Name: teams teams_key_key; Type: CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.teams
    ADD CONSTRAINT teams_key_key UNIQUE (key);


--
-- Name: teams teams_pkey; Type: CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.teams
    ADD CONSTRAINT teams_pkey PRIMARY KEY (id);


--
-- Name: accounts_person; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX accounts_person ON public.accounts USING btree (person_id);


--
-- Name: bookings_person; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX bookings_person ON public.bookings USING btree (person_id, starts_at);


--
-- Name: bookings_room; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX bookings_room ON public.bookings USING btree (room_id, starts_at);


--
-- Name: bookings_series; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX bookings_series ON public.bookings USING btree (series_id) WHERE (series_id IS NOT NULL);


--
-- Name: handover_events_handover; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX handover_events_handover ON public.handover_events USING btree (handover_id, id);


--
-- Name: handovers_requester; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX handovers_requester ON public.handovers USING btree (requester_id, starts_at);


--
-- Name: handovers_start; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX handovers_start ON public.handovers USING btree (starts_at);


--
-- Name: handovers_taker; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX handovers_taker ON public.handovers USING btree (taker_id, starts_at);


--
-- Name: handovers_team; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX handovers_team ON public.handovers USING btree (team_id, state, starts_at);


--
-- Name: job_runs_ran; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX job_runs_ran ON public.job_runs USING btree (ran_at);


--
-- Name: mail_unread; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX mail_unread ON public.mail USING btree (platform, user_id, channel_id) WHERE (read_at IS NULL);


--
-- Name: people_department; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX people_department ON public.people USING btree (department_id, sort_key, id);


--
-- Name: people_manager; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX people_manager ON public.people USING btree (manager_email);


--
-- Name: people_mobile_key; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX people_mobile_key ON public.people USING btree (mobile_key text_pattern_ops);


--
-- Name: people_mobile_rev; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX people_mobile_rev ON public.people USING btree (mobile_rev text_pattern_ops);


--
-- Name: people_phone_key; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX people_phone_key ON public.people USING btree (phone_key text_pattern_ops);


--
-- Name: people_phone_rev; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX people_phone_rev ON public.people USING btree (phone_rev text_pattern_ops);


--
-- Name: people_sort; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX people_sort ON public.people USING btree (sort_key, id);


--
-- Name: person_terms_person; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX person_terms_person ON public.person_terms USING btree (person_id);


--
-- Name: person_terms_rank; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX person_terms_rank ON public.person_terms USING btree (term, weight DESC, sort_key, person_id);


--
-- Name: river_job_args_index; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX river_job_args_index ON public.river_job USING gin (args);


--
-- Name: river_job_kind; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX river_job_kind ON public.river_job USING btree (kind);


--
-- Name: river_job_metadata_index; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX river_job_metadata_index ON public.river_job USING gin (metadata);


--
-- Name: river_job_prioritized_fetching_index; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX river_job_prioritized_fetching_index ON public.river_job USING btree (state, queue, priority, scheduled_at, id);


--
-- Name: river_job_state_and_finalized_at_index; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX river_job_state_and_finalized_at_index ON public.river_job USING btree (state, finalized_at) WHERE (finalized_at IS NOT NULL);


--
-- Name: river_job_unique_idx; Type: INDEX; Schema: public; Owner: -
--

CREATE UNIQUE INDEX river_job_unique_idx ON public.river_job USING btree (unique_key) WHERE ((unique_key IS NOT NULL) AND (unique_states IS NOT NULL) AND public.river_job_state_in_bitmask(unique_states, state));


--
-- Name: river_notification_created_at_idx; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX river_notification_created_at_idx ON public.river_notification USING btree (created_at);


--
-- Name: river_notification_topic_id_idx; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX river_notification_topic_id_idx ON public.river_notification USING btree (topic, id);


--
-- Name: search_terms_trgm; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX search_terms_trgm ON public.search_terms USING gin (term public.gin_trgm_ops);


--
-- Name: team_channels_team; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX team_channels_team ON public.team_channels USING btree (team_id);


--
-- Name: team_members_person; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX team_members_person ON public.team_members USING btree (person_id);


--
-- Name: accounts accounts_person_id_fkey; Type: FK CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.accounts
    ADD CONSTRAINT accounts_person_id_fkey FOREIGN KEY (person_id) REFERENCES public.people(id) ON DELETE CASCADE;


--
-- Name: bookings bookings_person_id_fkey; Type: FK CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.bookings
    ADD CONSTRAINT bookings_person_id_fkey FOREIGN KEY (person_id) REFERENCES public.people(id) ON DELETE CASCADE;


--
-- Name: bookings bookings_room_id_fkey; Type: FK CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.bookings
    ADD CONSTRAINT bookings_room_id_fkey FOREIGN KEY (room_id) REFERENCES public.rooms(id);


--
-- Name: handover_events handover_events_actor_id_fkey; Type: FK CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.handover_events
    ADD CONSTRAINT handover_events_actor_id_fkey FOREIGN KEY (actor_id) REFERENCES public.people(id);


--
-- Name: handover_events handover_events_handover_id_fkey; Type: FK CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.handover_events
    ADD CONSTRAINT handover_events_handover_id_fkey FOREIGN KEY (handover_id) REFERENCES public.handovers(id) ON DELETE CASCADE;


--
-- Name: handover_posts handover_posts_handover_id_fkey; Type: FK CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.handover_posts
    ADD CONSTRAINT handover_posts_handover_id_fkey FOREIGN KEY (handover_id) REFERENCES public.handovers(id) ON DELETE CASCADE;


--
-- Name: handovers handovers_requester_id_fkey; Type: FK CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.handovers
    ADD CONSTRAINT handovers_requester_id_fkey FOREIGN KEY (requester_id) REFERENCES public.people(id);


--
-- Name: handovers handovers_taker_id_fkey; Type: FK CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.handovers
    ADD CONSTRAINT handovers_taker_id_fkey FOREIGN KEY (taker_id) REFERENCES public.people(id);


--
-- Name: handovers handovers_team_id_fkey; Type: FK CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.handovers
    ADD CONSTRAINT handovers_team_id_fkey FOREIGN KEY (team_id) REFERENCES public.teams(id);


--
-- Name: people people_department_id_fkey; Type: FK CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.people
    ADD CONSTRAINT people_department_id_fkey FOREIGN KEY (department_id) REFERENCES public.departments(id);


--
-- Name: team_channels team_channels_team_id_fkey; Type: FK CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.team_channels
    ADD CONSTRAINT team_channels_team_id_fkey FOREIGN KEY (team_id) REFERENCES public.teams(id) ON DELETE CASCADE;


--
-- Name: team_members team_members_person_id_fkey; Type: FK CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.team_members
    ADD CONSTRAINT team_members_person_id_fkey FOREIGN KEY (person_id) REFERENCES public.people(id) ON DELETE CASCADE;


--
-- Name: team_members team_members_team_id_fkey; Type: FK CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.team_members
    ADD CONSTRAINT team_members_team_id_fkey FOREIGN KEY (team_id) REFERENCES public.teams(id) ON DELETE CASCADE;


--
-- Name: teams teams_department_id_fkey; Type: FK CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.teams
    ADD CONSTRAINT teams_department_id_fkey FOREIGN KEY (department_id) REFERENCES public.departments(id) ON DELETE SET NULL;


--
-- PostgreSQL database dump complete
--

\unrestrict w2rdi8mBoahNtab0gVCT3vKEacM90fAjFJm1v1XbfABPIDfiWmqIxavzMjosZuq

