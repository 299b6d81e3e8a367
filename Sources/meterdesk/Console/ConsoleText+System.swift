import Domain
import Foundation
import Screens
import Services

extension ConsoleText {
  static func chinese(_ error: OperatorAdminError) -> String {
    switch error {
    case .notPermitted(let name, let permission): return "操作员 \(name) 无\(permission.chineseName)权限"
    case .unknownOperator(let name): return "无此操作员 \(name)"
    case .wrongOldPassword: return "原密码不正确"
    case .passwordTooShort(let minimum): return "新密码至少 \(minimum) 位"
    case .samePassword: return "新密码不能与原密码相同"
    case .cannotDisableSelf(let name): return "操作员 \(name) 不能停用自己"
    case .lastAdmin(let name): return "\(name) 是最后一名启用的管理员，请先启用或任命另一名管理员"
    }
  }

  static func chinese(_ error: OperatorError) -> String {
    switch error {
    case .wrongCredentials: return "操作员名或密码错误"
    case .lockedOut(let until): return "登录失败次数过多，锁定至 \(until)"
    case .disabled(let name): return "操作员 \(name) 已停用"
    case .badName(let name): return "操作员名 \(name) 应为 1–32 位字母、数字、- 或 _"
    case .passwordTooShort(let minimum): return "密码至少 \(minimum) 位"
    case .unknownRole(let role): return "无此角色 \(role)"
    }
  }

  static func chinese(_ error: SiteSettingsError) -> String {
    switch error {
    case .notPermitted(let name): return "操作员 \(name) 无修改系统设置权限"
    case .invalid(let problems):
      return problems.map { "\($0.field.rawValue)：\($0.message)" }.joined(separator: "；")
    case .noSite: return "数据库中没有站点，请先运行 meterdesk init"
    }
  }
}
