package teams

import (
	"os"
	"path/filepath"
	"testing"
)

// FuzzParseActivity feeds arbitrary bodies to the activity parser and the
// translation into a request: whatever arrives, no panic.
func FuzzParseActivity(f *testing.F) {
	for _, name := range []string{"message_personal.json", "message_channel_mention.json", "message_shared_channel_mention.json", "card_submit.json", "conversation_update_bot_added.json"} {
		b, err := os.ReadFile(filepath.Join("testdata", name))
		if err != nil {
			f.Fatal(err)
		}
		f.Add(b)
	}
	f.Add([]byte(`{"type":"message","from":{"id":"29:x"},"recipient":{"id":"28:b"},"conversation":{"id":"a:1"},"serviceUrl":"http://x/","value":{"werkplek.form":"f","a":1,"b":true,"c":null,"d":[1]}}`))
	f.Add([]byte(`{"type":"message","text":"<at>Bot</at><at>","entities":[{"type":"mention","text":"<at>","mentioned":{"id":"28:b"}}],"recipient":{"id":"28:b","name":"Bot"}}`))
	f.Add([]byte(`{"type":"message","value":"x","entities":[{"type":"mention"}],"channelData":{"tenant":null}}`))
	f.Add([]byte(`null`))
	f.Fuzz(func(t *testing.T, body []byte) {
		in, err := parseActivity(body)
		if err != nil {
			return
		}
		in.request()
		in.conversationRef()
		in.text()
	})
}
