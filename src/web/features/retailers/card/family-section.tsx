// 家庭与关怀: family members, family situation, special groups, birthday.
import { Card, Descriptions, Table, Tag } from 'antd';
import { GiftOutlined } from '@ant-design/icons';
import { labelOf } from '../../../../shared/codes.js';
import type { RetailerCard } from '../../../../shared/retailer.js';
import { MaskedHint } from '../../../components/retailer-tags.js';
import { useT } from '../../../i18n/i18n.js';
import { birthdayText, daysUntil } from './card-dates.js';

export function FamilySection({ card, today }: { card: RetailerCard; today: Date }) {
  const { t, lang } = useT();
  const days = card.nextBirthday ? daysUntil(card.nextBirthday, today) : null;
  return (
    <Card size="small" title={t.card.family} extra={card.masked.family && <MaskedHint />} data-testid="section-family">
      {card.familyMembers.length ? (
        <Table
          size="small"
          rowKey={(_, i) => String(i)}
          pagination={false}
          dataSource={card.familyMembers}
          columns={[
            { key: 'name', dataIndex: 'name', title: t.card.familyName },
            { key: 'relation', dataIndex: 'relation', title: t.card.familyRelation },
            { key: 'phone', dataIndex: 'phone', title: t.card.familyPhone, render: (v?: string) => v ?? t.common.dash },
            { key: 'note', dataIndex: 'note', title: t.card.familyNote, render: (v?: string) => v ?? t.common.dash },
          ]}
          style={{ marginBottom: 12 }}
        />
      ) : (
        <p className="zy-muted" style={{ marginTop: 0 }}>
          {t.card.noFamily}
        </p>
      )}
      <Descriptions
        size="small"
        column={1}
        items={[
          { key: 'note', label: t.card.familySituation, children: card.familyNote || t.common.dash },
          {
            key: 'groups',
            label: t.card.specialGroups,
            children: card.specialGroups.length
              ? card.specialGroups.map((g) => (
                  <Tag key={g} color="magenta">
                    {labelOf('specialGroup', g, lang)}
                  </Tag>
                ))
              : t.card.noSpecialGroups,
          },
          {
            key: 'birthday',
            label: t.card.birthday,
            children: card.birthday ? (
              <span>
                <Tag color={card.birthdayCalendar === 'lunar' ? 'gold' : 'blue'}>{labelOf('birthdayCalendar', card.birthdayCalendar, lang)}</Tag>
                {birthdayText(card.birthday, card.birthdayCalendar, lang)}
              </span>
            ) : (
              t.card.notRecorded
            ),
          },
          ...(card.nextBirthday && days !== null
            ? [
                {
                  key: 'next',
                  label: t.card.nextBirthday,
                  children: (
                    <span data-testid="card-next-birthday">
                      <GiftOutlined style={{ color: '#eb2f96', marginInlineEnd: 6 }} />
                      {card.nextBirthday}{t.punct.paren(t.card.daysLeft(days))}
                    </span>
                  ),
                },
              ]
            : []),
        ]}
      />
    </Card>
  );
}
