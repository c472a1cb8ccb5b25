import Foundation
import LiaisonCore

/// `init` on a terminal: asks, one line at a time, for what the flags did not give, saying why an
/// answer is refused and asking again. Enter takes the default in brackets; end of input cancels.
struct SetupQuestions {
    struct Cancelled: UserFacingError {
        var userMessage: String { "已取消，没有新建数据库" }
    }

    static var onTerminal: Bool { isatty(STDIN_FILENO) == 1 && isatty(STDOUT_FILENO) == 1 }

    static func complete(_ setup: StationSetup) throws -> StationSetup {
        var setup = setup
        if setup.name == nil {
            setup.name = try ask("联络站名称（最多 \(StationSettings.nameLimit) 个字）", default: StationSetup.defaultName,
                                 expected: "名称最多 \(StationSettings.nameLimit) 个字") {
                $0.isEmpty || $0.count > StationSettings.nameLimit ? nil : $0
            }
        }
        if setup.kind == nil {
            let kinds = StationKind.choiceOrder
            // The menu on lines of its own: on one line it would wrap at 80 columns.
            print("类型：")
            for (number, kind) in kinds.enumerated() { print("  \(number + 1) \(kind.label)") }
            setup.kind = try ask("类型（填号码）", default: "1", expected: "填 1 到 \(kinds.count) 的号码") { answer in
                Int(answer.halfWidthDigits).flatMap { kinds.indices.contains($0 - 1) ? kinds[$0 - 1] : nil }
                    ?? kinds.first { $0.label == answer || $0.rawValue == answer }
            }
        }
        if setup.receptionDay == nil {
            setup.receptionDay = .some(try ask("接待选民日：每月几号（1–31；没有固定日子填 无）", default: "15",
                                               expected: "填 1 到 31 的日子，或 无") {
                StationSetup.receptionDay($0)
            })
        }
        if setup.tie == nil, case .some(.some) = setup.receptionDay {
            setup.tie = try ask("接待日不是工作日时改到最近的工作日；前后一样近时（1 \(ReceptionDayRule.Tie.earlier.label)  2 \(ReceptionDayRule.Tie.later.label)）",
                                default: "1", expected: "填 1（提前）或 2（推后）") { answer in
                ["1": .earlier, "2": .later][answer.halfWidthDigits] ?? ReceptionDayRule.Tie(rawValue: answer)
                    ?? ReceptionDayRule.Tie.allCases.first { $0.label == answer }
            }
        }
        if setup.admin == nil {
            setup.admin = try ask("第一位管理员的姓名（登录工作台用）", default: "管理员", expected: "姓名最多 20 个字") {
                $0.isEmpty || $0.count > 20 ? nil : $0
            }
        }
        return setup
    }

    /// Asks until `parse` takes the answer; one it does not take is told what is `expected`.
    private static func ask<T>(_ question: String, default fallback: String, expected: String, _ parse: (String) -> T?) throws -> T {
        while true {
            print("\(question) [\(fallback)]：", terminator: "")
            fflush(nil)
            guard let line = readLine() else {
                print("")
                throw Cancelled()
            }
            let answer = line.trimmingCharacters(in: .whitespaces)
            if let value = parse(answer.isEmpty ? fallback : answer) { return value }
            print("「\(answer)」不行：\(expected)。请再输入一次。")
        }
    }
}
