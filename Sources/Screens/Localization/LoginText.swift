/// Strings of the login screen.
public enum LoginText: LocalizedText {
  case title, operatorName, password, hint, wrongPassword, wrongPasswordAttempts, lockedUntil
  case disabled, submitting, nameMissing, demoTitle

  /// The Chinese and English text.
  public var pair: (zh: String, en: String) {
    switch self {
    case .title: ("操作员登录", "Operator login")
    case .operatorName: ("操作员", "Operator")
    case .password: ("密码", "Password")
    case .hint: ("Tab/Enter 下一项 · 密码栏 Enter 登录", "Tab/Enter: next field · Enter on password: log in")
    case .wrongPassword: ("操作员或密码错误", "Wrong operator or password")
    case .wrongPasswordAttempts: ("操作员或密码错误（还可尝试 {0} 次）", "Wrong operator or password ({0} tries left)")
    case .lockedUntil: ("连续失败 5 次，已锁定至 {0}", "5 failures: locked until {0}")
    case .disabled: ("该操作员已停用", "This operator is disabled")
    case .submitting: ("正在登录…", "Logging in…")
    case .nameMissing: ("请输入操作员", "Enter the operator name")
    case .demoTitle: ("演示账户", "Demo accounts")
    }
  }
}
