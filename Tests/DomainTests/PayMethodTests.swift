import Domain
import Testing

@Suite("PayMethod")
struct PayMethodTests {
  @Test(
    "raw values, Chinese and English names",
    arguments: [
      (PayMethod.cash, "cash", "现金", "Cash"), (.wechat, "wechat", "微信", "WeChat"),
      (.alipay, "alipay", "支付宝", "Alipay"), (.card, "card", "银行卡", "Bank card"),
    ])
  func names(method: PayMethod, raw: String, chinese: String, english: String) {
    #expect(method.rawValue == raw)
    #expect(PayMethod(rawValue: raw) == method)
    #expect(method.chineseName == chinese)
    #expect(method.englishName == english)
  }
}
