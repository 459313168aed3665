import { useCallback, useEffect, useRef, useState } from 'react';
import {
  checkInResponseSchema,
  issueTicketResponseSchema,
  type CheckInRequest,
  type KioskIssueRequest,
} from '../../common/contract/central/queue';
import { queuePaths } from '../../common/contract/central/paths';
import { HallClock } from '../shared/HallClock';
import { serverClockOffset } from '../shared/hallTime';
import { requestApi } from '../shared/queueApi';
import { BookingScreen } from './BookingScreen';
import {
  SCREEN_TIMEOUT_SECONDS,
  screenAfterCheckIn,
  screenAfterIssue,
  type KioskScreen,
} from './kioskScreen';
import { kioskStrings, type KioskLanguage } from './kioskStrings';
import { MessageScreen } from './MessageScreen';
import { ReturnCountdown } from './ReturnCountdown';
import { StartScreen } from './StartScreen';
import { TicketScreen } from './TicketScreen';
import { useKioskState } from './useKioskState';

/**
 * The hall's ticket kiosk for one site: choose a category (or type a booking code), get a
 * ticket. It never stays on an error: every screen but the start one returns to the start after
 * a while without a touch, and a failed request says so calmly and offers to try again.
 */
export function KioskApp({ siteId, autoPrint }: { siteId: string | null; autoPrint: boolean }) {
  const [language, setLanguage] = useState<KioskLanguage>('pl');
  const [screen, setScreen] = useState<KioskScreen>({ kind: 'start' });
  const [priority, setPriority] = useState(false);
  const kiosk = useKioskState(siteId);
  const { refresh } = kiosk;
  const t = kioskStrings[language];
  // Answers that come back after the kiosk moved on (returned to the start) are dropped.
  const attempt = useRef(0);

  useEffect(() => {
    document.documentElement.lang = language;
  }, [language]);

  const backToStart = useCallback(() => {
    attempt.current += 1;
    setScreen({ kind: 'start' });
    setLanguage('pl');
    setPriority(false);
    refresh();
  }, [refresh]);

  useEffect(() => {
    if (screen.kind === 'start' || screen.kind === 'working') return;
    const onKey = (event: KeyboardEvent) => {
      if (event.key === 'Escape') backToStart();
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [screen.kind, backToStart]);

  const takeTicket = async (categoryId: string) => {
    if (siteId === null) return;
    const mine = ++attempt.current;
    setScreen({ kind: 'working', what: 'issuing' });
    const body: KioskIssueRequest = { categoryId, priority };
    const result = await requestApi(queuePaths.kioskTickets(siteId), issueTicketResponseSchema, {
      method: 'POST',
      body,
    });
    if (mine !== attempt.current) return;
    setScreen(result.ok ? screenAfterIssue(result.value) : { kind: 'failed' });
  };

  const checkIn = async (code: string) => {
    if (siteId === null) return;
    const mine = ++attempt.current;
    setScreen({ kind: 'working', what: 'checking-in' });
    const body: CheckInRequest = { bookingCode: code };
    const result = await requestApi(queuePaths.kioskCheckIn(siteId), checkInResponseSchema, {
      method: 'POST',
      body,
    });
    if (mine !== attempt.current) return;
    setScreen(result.ok ? screenAfterCheckIn(result.value, code) : { kind: 'failed' });
  };

  const offsetMs = kiosk.state ? serverClockOffset(kiosk.state.now, kiosk.receivedAtMs) : 0;

  return (
    <div className="kiosk" data-screen={screen.kind}>
      <header className="kiosk-header">
        <h1 className="kiosk-site">{kiosk.state?.siteName ?? t.connecting}</h1>
        {kiosk.state ? <HallClock className="kiosk-clock" offsetMs={offsetMs} /> : null}
        {screen.kind === 'working' ? null : (
          <button
            type="button"
            className="kiosk-language"
            lang={t.otherLanguage.lang}
            onClick={() => setLanguage(t.otherLanguage.lang)}
          >
            {t.otherLanguage.label}
          </button>
        )}
      </header>
      <main className="kiosk-main">{renderScreen()}</main>
      {screen.kind === 'start' ? null : (
        <ReturnCountdown
          key={screen.kind}
          seconds={SCREEN_TIMEOUT_SECONDS[screen.kind]}
          showFrom={screen.kind === 'ticket' ? SCREEN_TIMEOUT_SECONDS.ticket : 10}
          onTimeout={backToStart}
          label={t.returnsIn}
        />
      )}
    </div>
  );

  function renderScreen() {
    if (siteId === null) {
      return (
        <MessageScreen
          testId="kiosk-setup"
          title={t.missingSiteTitle}
          detail={t.missingSiteDetail}
        />
      );
    }
    if (kiosk.unknownSite) {
      const text = t.unknownSite(siteId);
      return <MessageScreen testId="kiosk-setup" title={text.title} detail={text.detail} />;
    }
    if (kiosk.state === null) {
      return (
        <MessageScreen
          testId="kiosk-connecting"
          busy
          title={t.connecting}
          detail={t.connectingDetail}
        />
      );
    }
    switch (screen.kind) {
      case 'start':
        return (
          <StartScreen
            t={t}
            state={kiosk.state}
            stale={kiosk.stale}
            priority={priority}
            onPriorityChange={setPriority}
            onCategory={(category) => void takeTicket(category.categoryId)}
            onUnavailableCategory={(refusal) => setScreen({ kind: 'refused', refusal })}
            onBooking={() => setScreen({ kind: 'booking', code: '', problem: null })}
          />
        );
      case 'booking':
        return (
          <BookingScreen
            t={t}
            code={screen.code}
            problem={screen.problem}
            onCodeChange={(code) => setScreen({ kind: 'booking', code, problem: null })}
            onSubmit={(code) => void checkIn(code)}
            onBack={backToStart}
          />
        );
      case 'working':
        return (
          <MessageScreen
            testId="kiosk-working"
            busy
            title={screen.what === 'issuing' ? t.issuing : t.checkingIn}
            detail=""
          />
        );
      case 'ticket':
        return (
          <TicketScreen
            t={t}
            ticket={screen.ticket}
            siteName={kiosk.state.siteName}
            autoPrint={autoPrint}
            onDone={backToStart}
          />
        );
      case 'refused': {
        const text = t.refusal(screen.refusal);
        return (
          <MessageScreen testId="kiosk-refusal" title={text.title} detail={text.detail}>
            <button type="button" className="kiosk-button kiosk-primary" onClick={backToStart}>
              <span className="kiosk-button-title">{t.back}</span>
            </button>
          </MessageScreen>
        );
      }
      case 'failed':
        return (
          <MessageScreen testId="kiosk-failed" title={t.failedTitle} detail={t.failedDetail}>
            <button type="button" className="kiosk-button kiosk-primary" onClick={backToStart}>
              <span className="kiosk-button-title">{t.tryAgain}</span>
            </button>
          </MessageScreen>
        );
    }
  }
}
