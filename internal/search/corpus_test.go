package search

import (
	"fmt"
	"math/rand/v2"
	"strconv"
	"strings"
	"time"
)

// The test corpus: a small deterministic generator of party-building pages,
// enough like the real content (titles, branch names, meeting phrases,
// mixed Latin and digits) to exercise analysis, ranking and ties.
var (
	corpusBranches = []string{"机关第一党支部", "机关第二党支部", "生产运营党支部", "技术研发党支部", "财务审计党支部", "离退休党支部"}
	corpusTypes    = []string{"notice", "disclosure", "study", "showcase", "page"}
	corpusStatuses = []string{"upcoming", "open", "closed"}
	corpusTopics   = []string{"党建", "党费", "三会一课", "主题党日", "发展党员", "民主生活会", "组织生活会", "党课", "理论学习", "廉政教育", "志愿服务", "安全生产", "技术创新", "乡村振兴"}
	corpusPhrases  = []string{
		"深入学习贯彻党的二十大精神", "认真开展批评与自我批评", "按时足额缴纳党费", "切实加强基层党组织建设",
		"坚持不懈用新思想凝心铸魂", "推动党建工作与生产经营深度融合", "请各位党员准时参加", "会议地点：办公楼三楼会议室",
		"联系人：王老师，电话：010-12345678", "附件为PDF格式的学习材料", "本次活动共有35名党员参加", "公示期为5个工作日",
		"如有异议请及时反映", "进一步增强四个意识", "发挥党员先锋模范作用", "以高质量党建引领高质量发展",
		"2024年度党费收缴情况", "2024年党费收缴明细", "第一季度学习计划", "全体党员观看了教育片", "Word文档与Excel表格",
		"ＡＢＣ全角字母与２０２４全角数字", "鲁迅先生说过", "一线班组长座谈会", "e-mail: dangjian@example.com",
	}
	corpusNames = []string{"张伟", "王芳", "李娜", "刘洋", "陈静", "杨帆", "赵磊", "黄敏", "周杰", "吴迪", "鲁明远", "欧阳晓"}
)

// genCorpus returns n short pages; the same n always gives the same pages.
func genCorpus(n int) []Doc { return genCorpusSized(n, 3, 15) }

// genCorpusSized returns n pages of minPhrases to maxPhrases phrases each
// (a phrase is about 12 characters).
func genCorpusSized(n, minPhrases, maxPhrases int) []Doc {
	rng := rand.New(rand.NewPCG(42, uint64(n)))
	pick := func(s []string) string { return s[rng.IntN(len(s))] }
	docs := make([]Doc, n)
	// Dates are midnights of a zone east of UTC, as a date-only page of a
	// site in Beijing is: their day and year are not UTC's.
	base := time.Date(2021, 1, 1, 0, 0, 0, 0, time.FixedZone("CST", 8*3600))
	for i := range docs {
		typ := corpusTypes[i%len(corpusTypes)]
		topic := pick(corpusTopics)
		branch := pick(corpusBranches)
		var body strings.Builder
		for range minPhrases + rng.IntN(maxPhrases-minPhrases+1) {
			body.WriteString(pick(corpusPhrases))
			if rng.IntN(4) == 0 {
				body.WriteString(pick(corpusNames))
			}
			body.WriteString("。")
		}
		status := ""
		if typ == "disclosure" {
			status = pick(corpusStatuses)
		}
		docs[i] = Doc{
			ID:       fmt.Sprintf("content/%s/p%05d.md", typ, i),
			URL:      fmt.Sprintf("%s/p%05d/index.html", typ, i),
			Title:    fmt.Sprintf("%s关于%s的%s（第%d期）", branch, topic, pick([]string{"通知", "公示", "学习资料", "成果展示", "报告"}), 1+rng.IntN(30)),
			Summary:  pick(corpusPhrases) + "。",
			Body:     body.String(),
			Tags:     []string{topic, pick(corpusTopics)},
			Branch:   branch,
			Type:     typ,
			Category: pick([]string{"", "党费收缴", "发展党员", "评优评先"}),
			Status:   status,
		}
		docs[i].Date, docs[i].Day, docs[i].Year = dated(base.AddDate(0, 0, rng.IntN(4*365)))
	}
	return docs
}

// dated is a date with its day and year in its own zone, which stands for
// the site's calendar (site.DayOf and site.YearOf) in this package's tests.
func dated(t time.Time) (time.Time, string, string) {
	return t, t.Format(time.DateOnly), strconv.Itoa(t.Year())
}
