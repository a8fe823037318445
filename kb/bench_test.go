package kb

import "testing"

func BenchmarkLoad(b *testing.B) {
	for i := 0; i < b.N; i++ {
		if _, err := LoadFS(dataFS, "data"); err != nil {
			b.Fatal(err)
		}
	}
}

func BenchmarkKey(b *testing.B) {
	names := []string{"Wolodymyr Selenskyj", "Donald Trump", "Kiew", "Володимир Зеленський", "Jonas Gahr Støre"}
	for i := 0; i < b.N; i++ {
		Key(names[i%len(names)])
	}
}
