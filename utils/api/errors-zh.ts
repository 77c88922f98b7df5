import type { ApiError, ErrorDescription } from './errors';

/** The details api/answers.ts gives for answers it cannot use, in Chinese. */
const DETAILS: Readonly<Record<string, string>> = {
  'no data object': '缺少数据对象',
  'no hourly rows': '没有每小时数据',
  'an hourly row without a valid date': '有一行数据的日期无效',
  'no user list': '没有用户列表',
  'a user without a name': '有用户没有名称',
  'no traffic balance': '没有流量余额',
  'an HTML page instead of JSON': '收到的是 HTML 页面而不是 JSON',
  'incomplete JSON': 'JSON 不完整',
  'an empty body': '内容为空',
  'text that is not JSON': '收到的文本不是 JSON',
  'no result code': '没有结果代码',
};

const INVALID_FIGURE = /^an invalid traffic figure for (.+)$/;

/** A detail in Chinese where it is one of ours; the server's or the network's own words stay as they came. */
function chineseDetail(detail: string): string {
  const figure = INVALID_FIGURE.exec(detail);
  if (figure) return `${figure[1]} 的流量数值无效`;
  return DETAILS[detail] ?? detail;
}

function chineseBadRequest(code: number, apiMessage: string): string {
  if (code === 10000) return 'Thordata 拒绝了请求参数（错误码 10000）。';
  if (code === 10021) return 'Thordata 拒绝了日期范围：查询不能早于 180 天前（错误码 10021）。';
  const said = apiMessage ? `：“${apiMessage}”` : '';
  return `Thordata 返回错误码 ${code}${said}。`;
}

export function chineseErrorDescription(error: ApiError): ErrorDescription {
  switch (error.kind) {
    case 'auth':
      return {
        problem: `Thordata 拒绝了 API ${error.code === 10014 ? '密钥' : '令牌'}（错误码 ${error.code}）。`,
        remedy: '请从控制台 → 我的账户重新复制令牌，并在设置中保存。',
      };
    case 'rate-limited':
      return { problem: `Thordata 提示请求过于频繁（错误码 ${error.code}）。`, remedy: '无需操作：扩展会等待后自动重试。' };
    case 'unknown-user':
      return {
        problem: error.username
          ? `Thordata 不存在代理用户“${error.username}”（错误码 ${error.code}）。`
          : `Thordata 不存在其中一个代理用户（错误码 ${error.code}）。`,
        remedy: '请在设置中检查用户名和代理类型；移动代理用户续费后可能会被改名。',
      };
    case 'plan':
      return { problem: `Thordata 提示账户没有有效套餐（错误码 ${error.code}）。`, remedy: '请在 Thordata 控制台充值或续费。' };
    case 'bad-request':
      return { problem: chineseBadRequest(error.code, error.apiMessage), remedy: '请在设置中检查代理类型、用户名和 API 时区。' };
    case 'server':
      return { problem: `Thordata 服务器出错（错误码 ${error.code}）。`, remedy: '无需操作：扩展稍后会自动重试。' };
    case 'network':
      return { problem: `无法连接 Thordata API（${error.detail}）。`, remedy: '请检查网络连接和设置中的 API 地址。' };
    case 'offline':
      return { problem: '浏览器处于离线状态。', remedy: '恢复联网后数据会自动更新。' };
    case 'permission':
      return { problem: `浏览器尚未允许本扩展访问 ${error.host}。`, remedy: '请打开设置并点击“允许访问”。' };
    case 'timeout':
      return { problem: `Thordata API 在 ${Math.round(error.afterMs / 1000)} 秒内没有响应。`, remedy: '无需操作：扩展稍后会自动重试。' };
    case 'unreadable':
      return { problem: `Thordata API 返回的内容无法解析（${chineseDetail(error.detail)}）。`, remedy: '请检查设置中的 API 地址；如果地址正确，扩展稍后会自动重试。' };
    case 'malformed':
      return { problem: `Thordata 的应答中没有可用的数据（${chineseDetail(error.detail)}）。`, remedy: '无需操作：扩展会在下次更新时再次查询。' };
  }
}
