import { useTranslation } from 'react-i18next';
import type { PrivateRecs } from '../../client/private-recs';
import type { CatalogueItem } from '../../shared/catalogue/schema';
import { useCampaign } from '../hooks/useCampaign';
import { errorText } from '../i18n/i18n';
import { ItemCard } from './ItemCard';
import { useSnackbar } from './Snackbar';

interface Props {
  recs: PrivateRecs;
  items: ReadonlyMap<string, CatalogueItem>;
}

const CAMPAIGN_ITEMS = 4;

/** The shop's promotion that this device picked for the visitor, with why and a way to hide it. */
export function CampaignBanner({ recs, items }: Props) {
  const { t } = useTranslation();
  const notify = useSnackbar();
  const [state, hide] = useCampaign(recs, items, CAMPAIGN_ITEMS);
  if (state.phase !== 'ready' || !state.campaign) return null;
  const campaign = state.campaign;
  const dismiss = () => {
    hide();
    recs.dismissCampaign(campaign.id).then(
      () => {
        notify(t('campaign.dismissed', { title: campaign.title }));
      },
      (error: unknown) => {
        notify(t('campaign.dismissFailed', { reason: errorText(error) }), 'error');
      },
    );
  };
  const onOpen = (itemId: string) => {
    recs.track({ type: 'click', itemId }).catch((error: unknown) => {
      notify(t('recs.clickFailed', { reason: errorText(error) }), 'error');
    });
  };
  return (
    <section
      className="campaign"
      data-testid="campaign.banner"
      data-campaign-id={campaign.id}
      data-reason={campaign.why.kind}
    >
      <p className="campaign-label">{t('campaign.label')}</p>
      <h2 data-testid="campaign.title">{campaign.title}</h2>
      {campaign.text && <p className="campaign-text">{campaign.text}</p>}
      <p className="campaign-reason muted" data-testid="campaign.reason">
        {campaign.why.kind === 'interest'
          ? t('campaign.interest', { topic: campaign.why.topic })
          : t(`campaign.${campaign.why.kind}`)}
      </p>
      {campaign.itemIds.length > 0 && (
        <ol className="grid" data-testid="campaign.items">
          {campaign.itemIds.map((id) => {
            const item = items.get(id);
            return item ? (
              <ItemCard key={id} item={item} onOpen={onOpen} testId="campaign.card" />
            ) : null;
          })}
        </ol>
      )}
      <button
        type="button"
        onClick={dismiss}
        aria-label={t('campaign.dismissLabel', { title: campaign.title })}
        data-testid="campaign.dismiss"
      >
        {t('campaign.dismiss')}
      </button>
    </section>
  );
}
