package board

import (
	"context"
	"fmt"
	"hash/fnv"
	"time"

	"github.com/werkplek/werkplek/intranet"
	"github.com/werkplek/werkplek/intranet/feature"
)

// Keys of the board's messages: each is sent once.

// replyKey is one reply's: a person may reply more than once, and the
// same reply sent twice at one moment (a double press) is sent once.
func replyKey(id, from int64, at time.Time, text string) string {
	h := fnv.New32a()
	h.Write([]byte(text))
	return fmt.Sprintf("board:%d:reply:%d:%d:%x", id, from, at.UnixNano(), h.Sum32())
}

func removedKey(id int64) string { return fmt.Sprintf("board:%d:removed", id) }
func reportKey(id, from, to int64) string {
	return fmt.Sprintf("board:%d:report:%d:to:%d", id, from, to)
}
func reminderKey(id int64, expires int64) string {
	return fmt.Sprintf("board:%d:expires:%d", id, expires)
}

// visibleAd finds an ad readers see now; bad is the reply for one they do
// not.
func (u *Unit) visibleAd(ctx context.Context, c *feature.Call, id int64) (*intranet.Ad, string, error) {
	a, bad, err := u.find(ctx, c, id)
	if bad != "" || err != nil {
		return nil, bad, err
	}
	if now := u.cfg.Now(); !a.Visible(now) {
		return nil, gone(c, a, now), nil
	}
	return a, "", nil
}

// reply answers /board reply: the poster gets the text and who sent it by
// direct message, so that the two go on privately; the ad counts the
// people who replied, not what they said. A second reply of one person
// is sent too (they may add something), but counted once.
func (u *Unit) reply(ctx context.Context, c *feature.Call, id int64, text string) (intranet.Reply, error) {
	a, bad, err := u.visibleAd(ctx, c, id)
	if bad != "" || err != nil {
		return c.Reply(bad), err
	}
	if a.PosterID == c.Person.ID {
		return c.Reply(c.T("Dit is je eigen advertentie; reacties van anderen krijg je als privébericht.", "This is your own ad; replies from others come to you by direct message.")), nil
	}
	poster, err := u.cfg.People.FindPersonByID(ctx, a.PosterID)
	if err != nil {
		return intranet.Reply{}, err
	}
	now := u.cfg.Now()
	from := c.Person
	err = feature.InTx(ctx, u.cfg.Tx, func(ctx context.Context) error {
		if _, err := u.cfg.Board.ReplyToAd(ctx, id, from.ID, now); err != nil {
			return err
		}
		return u.notifier.Send(ctx, feature.DM{To: poster, Key: replyKey(id, from.ID, now, text), Guests: u.cfg.Guests,
			Write: func(lang string) intranet.Reply { return replyMessage(lang, a, from, text) }})
	})
	if err != nil {
		return intranet.Reply{}, err
	}
	return c.Reply(replied(c, a)), nil
}

// report answers /board report: every content manager gets the ad with
// buttons to remove or keep it.
func (u *Unit) report(ctx context.Context, c *feature.Call, id int64, reason string) (intranet.Reply, error) {
	a, bad, err := u.visibleAd(ctx, c, id)
	if bad != "" || err != nil {
		return c.Reply(bad), err
	}
	managers, err := u.cfg.Managers.FindPeopleWithRole(ctx, intranet.RoleContentManager)
	if err != nil {
		return intranet.Reply{}, err
	}
	if len(managers) == 0 {
		if managers, err = u.cfg.Managers.FindPeopleWithRole(ctx, intranet.RoleAdmin); err != nil {
			return intranet.Reply{}, err
		}
	}
	from := c.Person
	err = feature.InTx(ctx, u.cfg.Tx, func(ctx context.Context) error {
		for _, m := range managers {
			if err := u.notifier.Send(ctx, feature.DM{To: m, Key: reportKey(id, from.ID, m.ID),
				Write: func(lang string) intranet.Reply { return u.reportMessage(lang, a, from, reason) }}); err != nil {
				return err
			}
		}
		return nil
	})
	if err != nil {
		return intranet.Reply{}, err
	}
	return c.Reply(reported(c, a)), nil
}

// keep answers /board keep: a content manager lets a reported ad stay.
func (u *Unit) keep(ctx context.Context, c *feature.Call, id int64) (intranet.Reply, error) {
	if !mayModerate(c) {
		return c.Reply(c.T("Alleen contentbeheerders beslissen over gemelde advertenties.", "Only content managers decide on reported ads.")), nil
	}
	a, bad, err := u.find(ctx, c, id)
	if bad != "" || err != nil {
		return c.Reply(bad), err
	}
	if !a.Removed.IsZero() {
		return c.Reply(removedAlready(c, id)), nil
	}
	reply := c.Reply(c.T("Advertentie %d (%s) blijft staan.", "Ad %d (%s) stays up.", a.ID, intranet.Plain(a.Title)))
	reply.ReplaceOriginal = c.ReplacesOriginal()
	return reply, nil
}

// intranetDM is a DM to p under key, written by write.
func intranetDM(p *intranet.Person, key string, guests bool, write func(lang string) intranet.Reply) feature.DM {
	return feature.DM{To: p, Key: key, Guests: guests, Write: write}
}
