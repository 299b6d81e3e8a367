extension ReceiptTemplate {
  /// The text of the built-in template (the FEATURES.md layout); `sample-data/receipt.txt` is this text
  /// with a header comment explaining the syntax, for sites to copy and edit.
  public static let builtInSource = """
    @layout 80
    {reprint:^}
    {site:^}
    {^}预付电费收款票
    {copy:>}
    用户编号: {account}   开票日期: {datetime}   票号: {bill}
    户名: {tenant}   商铺: {shop}
    {rule}
    收费项目|电表编号    |主楼号      |购电次数|收费方式|    收费金额|备注
    {kind:<8}|{meter:<12}|{building:<12}|{count:>8}|{pay:<8}|{amount:>12}|{remark}
    {rule}
    会计金额(大写): {capitals}   小写: {amount}
    操作员: {operator}   收款人: {payee}   开票单位: (盖章有效)
    备注: 请核对收款金额，并妥善保管发票，本次收款为预收电费，不作为凭证。

    @layout 32
    {reprint:^}
    {site:^}
    {^}预付电费收款票
    {copy:>}
    {rule}
    票号:   {bill}
    日期:   {datetime}
    户号:   {account}
    户名:   {tenant}
    商铺:   {shop}
    {rule}
    项目:   {kind}
    表号:   {meter}
    楼号:   {building}
    次数:   {count}
    方式:   {pay}
    金额:   {amount}
    大写:   {capitals}
    备注:   {remark}
    {rule}
    操作员: {operator}
    收款人: {payee}
    开票单位: (盖章有效)
    请核对收款金额，并妥善保管发票，本次收款为预收电费，不作为凭证。

    @layout 40
    {reprint:^}
    {site:^}
    {^}预付电费收款票
    {copy:>}
    {rule}
    票号:     {bill}
    开票日期: {datetime}
    用户编号: {account}
    户名:     {tenant}
    商铺:     {shop}
    {rule}
    收费项目: {kind}
    电表编号: {meter}
    主楼号:   {building}
    购电次数: {count}
    收费方式: {pay}
    收费金额: {amount}
    大写:     {capitals}
    备注:     {remark}
    {rule}
    操作员:   {operator}
    收款人:   {payee}
    开票单位: (盖章有效)
    请核对收款金额，并妥善保管发票，本次收款为预收电费，不作为凭证。

    """
}
