// Shows a failed call's server message (zh or en) as a toast.
import { App } from 'antd';
import { ApiError } from '../../api/client.js';
import { useT } from '../../i18n/i18n.js';

export function useReportError(): (e: unknown) => void {
  const { message } = App.useApp();
  const { lang, t } = useT();
  return (e) => {
    if (e instanceof ApiError) {
      const detail = e.details[0];
      const text = e.text(lang);
      message.error(detail && detail.code !== e.code ? `${text}${t.punct.colon}${lang === 'en' ? detail.messageEn : detail.message}` : text);
    } else message.error(t.common.unknownError);
  };
}
