import JiaoduiCore
import XCTest

/// Text the checks must NOT flag: a linter that cries wolf gets uninstalled.
final class PrecisionTests: XCTestCase {
    func assertClean(_ text: String, file: StaticString = #filePath, line: UInt = #line) {
        let found = lint(text)
        XCTAssertEqual(found.map { "\($0.ruleID): \(TextDocument(text).string($0.range))" }, [], file: file, line: line)
    }

    func testHeadlinesBylinesCaptionsAndSourceLines() {
        assertClean("""
            争先创优

            党建引领 做强“福禄”产业链

            □本报通讯员 孟晓

            组织联动共谋划

            近年来，幸福村坚持党建引领，发展葫芦产业。

            上图：在呼图壁县五工台镇幸福村的乡村葫芦园

            □本报记者 陶维明摄

            下图：在呼图壁县五工台镇幸福村，游客拍照留念。

            □本报记者 陶维明摄

            （作者系中国社会科学院副研究员）
            来源：光明日报
            """)
    }

    func testSplitHeadingsAreNotBrokenWraps() {
        assertClean("凝心铸魂\n\n固牢发展之“根本”\n\n近年来，医院党委坚持党建引领。\n\n建强队伍\n\n提升科研“硬”实力\n\n医院注重营造爱才重才的浓厚氛围。")
    }

    func testListsAndPoems() {
        assertClean("下一步工作：\n\n1.加强组织领导\n\n2.完善工作机制\n\n（一）压实责任\n\n①提高认识\n\n* 落实到位")
        assertClean("大雪是一种辉煌\n盖住你的心和整个世界\n无边的静谧与安详\n从厚厚的雪里钻出来")
    }

    func testLegitimateReduplication() {
        assertClean("他常常去看看老人，大家研究研究，高高兴兴地把事情一件一件落实好，天空碧蓝碧蓝的，人人都说好好好。")
        assertClean("村村抱团发展，家家户户受益，杨彬彬说，大家要学习学习、讨论讨论。")
    }

    func testWordsThatMerelyShareACharacter() {
        assertClean("推动司法行政系统转变工作作风，幸福村村委会组织学习，中国国际进口博览会开幕，骨干干部库建立。")
        // …also when a line break falls between them: then the break is a broken wrap, not a
        // doubled character.
        XCTAssertEqual(lint("持续深化“真抓实干”的工作\n\n作风，提高工作效率。").map(\.ruleID), ["broken-wrap"])
        XCTAssertEqual(lint("本报北京1月5日电：中国\n国际象棋协会日前举行年会，总结全年工作。").map(\.ruleID), ["broken-wrap"])
        assertClean("幸福村\n\n村委会组织村民开展葫芦种植培训，带动村民增收。")
    }

    func testParallelSeriesAndAnadiplosis() {
        assertClean("切实打造共建共治共享的社会治理格局，开展“三学三亮三比”活动，实行包地块、包机械、包农户。")
        assertClean("加强监督，加强监督就要动真碰硬；综合整治、系统整治、源头整治。")
    }

    func testHalfwidthMarksOutsideChineseText() {
        assertClean("会议于10:30开始，共有3,000人参加，网址是https://example.com/a?b=1，增长5%。")
        assertClean("He said: \"Yes, we can!\" (really)")
    }

    func testPoemsAndLyricsWithCommaEndedLines() {
        assertClean("""
            雪线之上

            你站在雪线之上，
            像一棵挺拔的白杨，
            风吹过辽阔的草原，
            我们把青春献给这片辽阔的土地，
            我们把青春献给这片辽阔的土地，
            歌声飞过高高的山冈。
            """)
    }

    func testInterviewLabelsAndWordOpeners() {
        assertClean("记者：这项工作进展如何？\n\n问：过去一年有哪些变化？\n\n答：变化很大，群众很满意。\n\n着眼长远，我们还要继续努力。\n\n的确，抓落实是关键。\n\n瞧，这就是教育的意义。")
    }

    func testHeadlineStylesAndCaptionCredits() {
        assertClean("抓项目、强产业、惠民生\n中部某省一季度经济运行稳中向好，主要指标好于预期。")
        assertClean("全国铁路春运发送旅客突破九亿人次 同比增长百分之五点三 客流高峰平稳度过\n\n本报北京3月5日电 记者张三报道：春运工作平稳有序。")
        assertClean("港口一派繁忙景象。新华社记者 王建华摄\n\n本报讯 今年以来，港口吞吐量持续增长。")
        assertClean("织密基层防灾网\n\n网格员每天走村入户，排查安全隐患，做到早发现、早处置。")
    }

    func testLegitimateRepetitionInSpeechAndReduplication() {
        assertClean("大家一起商量商量，油条金黄金黄的，农民一粒种子一粒种子地撒下去。")
        assertClean("观众高喊：“中国队加油！中国队加油！”老人说：“慢慢来，慢慢来，不着急。”")
    }

    func testHeadingsFollowedByTheSameCharacter() {
        assertClean("织密基层防灾网\n\n网格员王丽丽每天都要在自己负责的片区里走上几圈。")
        assertClean("评选工作领导小组\n\n组  长：李建国\n副组长：王志强 陈晓")
        assertClean("某师开展“学科技、练本领”活动\n本报讯 济南军区某师近日开展科技练兵活动。")
    }

    func testSectionHeadingsCareerLinesAndFigures() {
        assertClean("（四）持续改善生态环境，建设美丽城市\n深入打好蓝天、碧水、净土保卫战。")
        assertClean("1984.07—1992.03 福建省纺织厂技术员、车间副主任\n\n1992.03—1998.12 福建省纺织厂副厂长、工程师\n\n1998.12—2010.06 某集团董事长")
        assertClean("干部干部，干字当头。我常跟徒弟们说，慢慢来，慢慢来，手上的功夫急不得。")
        assertClean("经审理查明的事实如上。\n\n另查明，事发当日原告在场。")
    }

    func testForeignTextKeepsItsPunctuation() {
        assertClean("老师用英语说：“Good morning, everyone!”然后在黑板上写下print(\"Hello\")，大家都笑了。")
    }

    func testTerminatedParagraphsFollowedByAnything() {
        assertClean("医院大力弘扬志愿服务精神，收到了良好的社会效益。\n\n提升服务\n\n打造“有温度的医院”")
        assertClean("他说：“我们一定会做好。”\n\n记者 张三")
    }
}

/// Findings the checks must make, beyond the rule files' own examples.
final class DetectionTests: XCTestCase {
    func rules(_ text: String) -> [String] { lint(text).map(\.ruleID) }

    func testBreakKinds() {
        XCTAssertEqual(rules("累计开展理论学习中心组、三会一课等各\n\n类学习活动20余次。"), ["broken-wrap"])
        XCTAssertEqual(rules("推动司法行政\n\n政系统转变工作作风。"), ["wrap-duplicate-char"])
        XCTAssertEqual(rules("这个消息很快传开了，乡亲们纷\n\n纷赶来帮忙。"), ["broken-wrap"])
        // 下一步 opens a paragraph: the text before it was cut off, not the text after it.
        let cut = "2024年以来，医院党委持续开展优秀共产党员、优秀党务工作者评选\n\n下一步，医院将继续坚持党建引领，推动各项工作落实。"
        XCTAssertEqual(lint(cut).map { "\($0.ruleID)@\(TextDocument(cut).lineIndex(containing: $0.range.lowerBound))" },
                       ["truncated-sentence@0"])
    }

    func testBreaksTheReviewFound() {
        // The predicate of the sentence is on the next line: the sentence was not over.
        XCTAssertEqual(rules("今年以来，全省经济运行稳中向好，一季度全省国内生产总值\n\n增长5.2%，高于全国平均水平。"), ["broken-wrap"])
        // A numbered paragraph holding a sentence is prose; a short numbered line is a heading.
        XCTAssertEqual(rules("（二）加大宣传力度。各级医保部门要通过多种渠道广泛宣传医疗保险政策，引导群众积极\n\n参保缴费，做到应保尽保。"),
                       ["broken-wrap"])
        XCTAssertEqual(rules("（一）坚定不移扩大有效需求，巩固经济回升向好态势\n1.持续扩大有效投资。"), [])
        // English split across a break.
        XCTAssertEqual(rules("会议围绕人工智能驱动的科学研究范式，即所谓AI for\n\nScience展开讨论，与会专家发言踊跃。"), ["broken-wrap"])
        // A line that opens with an attribution (……负责人介绍，) began a new paragraph: the one
        // before was cut off.
        XCTAssertEqual(rules("三个小姐妹挤在油灯下写作业时，他忍不住掉泪了，在\n\n县医药公司负责人介绍，这个厂建于上世纪七十年代。"),
                       ["truncated-sentence"])
        // Doubled characters and split words in headlines.
        XCTAssertEqual(rules("全市司法行政\n\n政系统开展“法律进社区”活动\n\n本报讯 沈阳市司法局日前开展了普法活动。"), ["wrap-duplicate-char"])
        XCTAssertEqual(rules("国家增加教育经\n经费投入\n新华社北京1月20日电 今年中央财政将安排专项资金。"), ["wrap-duplicate-char"])
        XCTAssertEqual(rules("世界乒乓球团体锦\n\n标赛抽签揭晓\n\n本报北京2月7日讯 锦标赛的抽签结果今天揭晓。"), ["broken-wrap"])
        // A verb of saying after a break continues the sentence that names the speaker.
        XCTAssertEqual(rules("新华社联合国1月5日电 联合国秘书长安南今天\n表示，希望伊拉克政府与联合国特别委员会合作。"), ["broken-wrap"])
        // A doubled character that reads better once, though the two copies make a word.
        XCTAssertEqual(rules("今年以来，合作社在幸福村\n\n村，建起了三座现代化温室大棚。"), ["wrap-duplicate-char"])
    }

    func testFixesThatAReviewFoundWrong() {
        let fix = { (text: String) in FixApplier.fixAll(TextDocument(text), linter: sharedLinter).text }
        // English words split by a break are joined with a space.
        XCTAssertEqual(fix("会议借鉴了New\nYork的做法，取得了良好效果。"), "会议借鉴了New York的做法，取得了良好效果。")
        // Deleting a repeated indented paragraph leaves the next paragraph's indent alone.
        let p = "\u{3000}\u{3000}今年以来，全市新建公园二十个，改造老旧小区一百二十个。"
        XCTAssertEqual(fix("\(p)\n\n\(p)\n\n\u{3000}\u{3000}下一步。"), "\(p)\n\n\u{3000}\u{3000}下一步。")
        // A bracket pair is decided once, for both marks, in one round.
        let pair = lint("研究报告(2023)指出，增长较快。", rules: ["halfwidth-punctuation"])
        XCTAssertEqual(pair.count, 2)
        // A form feed (pdftotext's page break) is space, not text.
        XCTAssertEqual(rules("累计开展理论学习中心组、三会一课等各\n\u{0C}类学习活动20余次。"), ["broken-wrap"])
    }

    func testBreaksWithEveryLineEnd() {
        for separator in ["\n", "\r\n", "\r", "\n\n", "\r\n\r\n", "\n\n\n"] {
            XCTAssertEqual(rules("累计开展理论学习中心组、三会一课等各\(separator)类学习活动20余次。"), ["broken-wrap"], separator.debugDescription)
        }
    }

    func testIndentedParagraphs() {
        let text = "\u{3000}\u{3000}阿盟秘书处当天发表声明指出，恐怖分子滥杀无\n辜平民的行为令人发指。\n\u{3000}\u{3000}声明重申，阿拉伯国家坚决反对恐怖主义。\n\u{3000}\u{3000}约旦官方三日宣布了这一消息。"
        XCTAssertEqual(rules(text), ["broken-wrap"])
    }

    func testRepeatedParagraphAndWord() {
        let paragraph = "本报讯今年以来，全市新建公园二十个，改造老旧小区一百二十个。"
        let found = lint("\(paragraph)\n\n\(paragraph)\n\n下一步，全市将继续推进城市更新。")
        XCTAssertEqual(found.map(\.ruleID), ["duplicate-phrase"])
        let fixed = FixApplier.fixAll(TextDocument("\(paragraph)\n\n\(paragraph)\n\n下一步。"), linter: sharedLinter).text
        XCTAssertEqual(fixed, "\(paragraph)\n\n下一步。")
        XCTAssertEqual(rules("最高人民检察院检察院检察长出席会议。"), ["duplicate-phrase"])
    }

    func testEnglishMessages() throws {
        let found = try Linter().lint(TextDocument("推动司法行政\n\n政系统转变工作作风。"), locale: .en)
        XCTAssertEqual(found.first?.message, "“政” is printed on both sides of the break; drop one and join the lines.")
    }
}
