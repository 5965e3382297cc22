package store_test

import (
	"context"
	"fmt"
	"math/rand/v2"
	"sort"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/werkplek/werkplek/internal/pgtest"
	"github.com/werkplek/werkplek/intranet"
	"github.com/werkplek/werkplek/intranet/store"
)

// kbSubjects are what people ask about, in Dutch and English; the generator
// draws them with Zipf-like weights, so that the first ones are in about a
// tenth of the 50 000 questions (over 5 000), as a real knowledge base's
// favourite subjects would be.
var kbSubjects = strings.Fields(`reiskosten declaratie wachtwoord laptop verlof loonstrook rooster overuren printer parkeerpas
salaris pensioen ziekmelding thuiswerken leaseauto kilometers tankpas bonnetjes portaal intranet scholing cursus certificaat
sleutel toegangspas telefoon vpn agenda medicatie wondzorg dementie tillift dossier client zorgplan planning vakantie
password expenses invoice payslip holiday overtime parking badge training calendar monitor headset keyboard account
software licence mailbox backup contract onboarding`)

var kbVerbs = strings.Fields(`aanvragen declareren vinden resetten wijzigen melden bestellen inleveren goedkeuren opzeggen
request claim find reset change report order approve cancel install`)

var kbSyllables = strings.Fields(`ber gen dam wijk hof ste ven kamp mer lo ra ti no sa ke vel dorp hout lin gra ma de ko
pe ri tu za bo fi`)

// kbWord is a pseudo word (a place, a product, a project name) from the
// generator's long tail.
func kbWord(rng *rand.Rand, zipf *rand.Zipf) string {
	n := zipf.Uint64()
	var b strings.Builder
	for n > 0 || b.Len() == 0 {
		b.WriteString(kbSyllables[n%uint64(len(kbSyllables))])
		n /= uint64(len(kbSyllables))
	}
	return b.String()
}

// generateKnowledge makes n questions with their answers.
func generateKnowledge(n int) [][2]string {
	rng := rand.New(rand.NewPCG(3, 4))
	subj := rand.NewZipf(rng, 1.1, 15, uint64(len(kbSubjects)-1))
	tail := rand.NewZipf(rng, 1.05, 8, 20000)
	out := make([][2]string, n)
	for i := range out {
		s1, s2 := kbSubjects[subj.Uint64()], kbSubjects[subj.Uint64()]
		verb := kbVerbs[rng.IntN(len(kbVerbs))]
		q := fmt.Sprintf("Hoe kan ik %s %s voor %s %s in %s?", s1, verb, s2, kbWord(rng, tail), kbWord(rng, tail))
		if rng.IntN(3) == 0 {
			q = fmt.Sprintf("How do I %s my %s for %s %s at %s?", verb, s1, s2, kbWord(rng, tail), kbWord(rng, tail))
		}
		var a []string
		for range 8 + rng.IntN(8) {
			switch rng.IntN(6) {
			case 0:
				a = append(a, kbSubjects[subj.Uint64()])
			case 1:
				a = append(a, kbVerbs[rng.IntN(len(kbVerbs))])
			default:
				a = append(a, kbWord(rng, tail))
			}
		}
		out[i] = [2]string{q, "Dat gaat via " + strings.Join(a, " ") + "."}
	}
	return out
}

// kbQueries are a realistic mix: common and rare subjects, Dutch and
// English, plurals, typos, long-tail words.
var kbQueries = []string{
	"reiskosten declareren", "wachtwoord resetten", "laptop bestellen", "verlof aanvragen", "loonstroken",
	"reset password", "expenses claim", "parkeerpas kwijt", "overuren goedkeuren", "printer",
	"reiskostn", "wachtwoorden", "declaraties kilometers", "holiday request", "vpn thuiswerken",
	"leaseauto tankpas", "berdam", "wondzorg zorgplan client", "monitor headset", "salaris pensioen vinden",
}

var (
	kbOnce  sync.Once
	kbStore *store.Store
)

// benchKnowledge loads 50 000 accepted questions into PostgreSQL once per
// test binary.
func benchKnowledge(b *testing.B) *store.Store {
	kbOnce.Do(func() {
		s, err := store.Open(context.Background(), pgtest.URL(&testing.T{}))
		if err != nil {
			b.Fatal(err)
		}
		ctx := context.Background()
		if _, err := s.ImportPeople(ctx, []intranet.PersonRecord{{Line: 2, Name: "Jan de Vries", Email: "jan@example.nl"}, {Line: 3, Name: "Eva Bakker", Email: "eva@example.nl"}}, false); err != nil {
			b.Fatal(err)
		}
		jan, _ := s.FindPersonByEmail(ctx, "jan@example.nl")
		eva, _ := s.FindPersonByEmail(ctx, "eva@example.nl")
		start := time.Now()
		if err := s.LoadKnowledgeForBench(ctx, jan.ID, eva.ID, generateKnowledge(50_000), time.Date(2026, 11, 1, 9, 0, 0, 0, time.UTC)); err != nil {
			b.Fatal(err)
		}
		b.Logf("loaded 50 000 answered questions in %s", time.Since(start).Round(time.Millisecond))
		kbStore = s
	})
	if kbStore == nil {
		b.Fatal("no knowledge base")
	}
	return kbStore
}

// BenchmarkSearchKnowledge measures the knowledge-base search on PostgreSQL
// with 50 000 accepted questions over the query mix, and reports the median
// and p95 (the issue asks p95 at most 10 ms).
//
//	WERKPLEK_TEST_POSTGRES=require go test ./intranet/store -run '^$' -bench 'SearchKnowledge$' -benchtime 2000x
func BenchmarkSearchKnowledge(b *testing.B) {
	s := benchKnowledge(b)
	ctx := context.Background()
	for _, q := range kbQueries { // warm the caches once
		m, err := s.SearchKnowledge(ctx, intranet.KnowledgeSearch{Query: q})
		if err != nil {
			b.Fatal(err)
		}
		if len(m) == 0 {
			b.Fatalf("nothing found for %q", q)
		}
	}
	durations := make([]time.Duration, 0, b.N)
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		t0 := time.Now()
		_, err := s.SearchKnowledge(ctx, intranet.KnowledgeSearch{Query: kbQueries[i%len(kbQueries)]})
		durations = append(durations, time.Since(t0))
		if err != nil {
			b.Fatal(err)
		}
	}
	b.StopTimer()
	sort.Slice(durations, func(i, j int) bool { return durations[i] < durations[j] })
	b.ReportMetric(float64(durations[len(durations)/2].Microseconds())/1000, "median-ms")
	b.ReportMetric(float64(durations[len(durations)*95/100].Microseconds())/1000, "p95-ms")
}

// BenchmarkSearchKnowledgeByQuery times each query of the mix on its own,
// to find the slow ones.
func BenchmarkSearchKnowledgeByQuery(b *testing.B) {
	s := benchKnowledge(b)
	for _, q := range kbQueries {
		b.Run(q, func(b *testing.B) {
			for i := 0; i < b.N; i++ {
				if _, err := s.SearchKnowledge(context.Background(), intranet.KnowledgeSearch{Query: q}); err != nil {
					b.Fatal(err)
				}
			}
		})
	}
}
