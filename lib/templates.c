/*
 * The built-in templates of the drafts, one per kind of message.
 */
#include "util.h"

/*
 * Each built-in is written so that an empty field leaves no hole: a sentence
 * that needs it is in a section, with a variant without it where the
 * message needs one. A request keeps to the three parts (who you are, why
 * them, would you talk), asks for no job and stays well under
 * IV_DRAFT_MAX_WORDS with realistic values.
 */
#define GREETING "{greeting},\n\n"
#define SIGNATURE \
	"{?contact.direct}Best,\n{me.first_name}\n{/contact.direct}" \
	"{^contact.direct}Best regards,\n{me.name}\n{/contact.direct}"
/* Who you are: your name and background to a stranger; what you explore to someone you know. */
#define WHO_YOU_ARE \
	"{^contact.direct}My name is {me.name}." \
	"{?me.background} After {me.background}, I am " \
	"{?me.exploring}{me.exploring}{/me.exploring}{^me.exploring}exploring my next step{/me.exploring}." \
	"{/me.background}" \
	"{^me.background}{?me.exploring} I am {me.exploring}.{/me.exploring}{/me.background}" \
	"\n\n{/contact.direct}" \
	"{?contact.direct}{?me.exploring}As you may know, I am {me.exploring}.\n\n{/me.exploring}{/contact.direct}"
#define EXPERIENCE \
	"{?contact.title} as {contact.a_title}{/contact.title}{?contact.company} at {contact.company}{/contact.company}"
#define WHY_YOU \
	"{^contact.direct}I am reaching out because of your experience" EXPERIENCE \
	"{?purpose}, and I would like to learn about {purpose}{/purpose}.\n\n{/contact.direct}" \
	"{?contact.direct}I would love to hear about your experience" EXPERIENCE \
	"{?purpose}, and especially about {purpose}{/purpose}.\n\n{/contact.direct}"
#define WHY_INTRODUCED \
	"{introducer.first_name} suggested I get in touch with you, given your experience" EXPERIENCE "." \
	"{?purpose} I would like to learn about {purpose}.{/purpose}\n\n"
#define WILLING_TO_TALK \
	"Would you be willing to talk with me for about 20-30 minutes {medium}, at a time that suits you?\n\n"
#define REQUEST_SUBJECT \
	"Subject: {?purpose}Learning about {purpose}{/purpose}" \
	"{^purpose}A short conversation about your work{/purpose}\n"

static const char request_text[] =
	REQUEST_SUBJECT GREETING WHO_YOU_ARE WHY_YOU WILLING_TO_TALK SIGNATURE;

static const char request_introduced_text[] =
	"Subject: {introducer.first_name} suggested I get in touch\n"
	GREETING WHO_YOU_ARE WHY_INTRODUCED WILLING_TO_TALK SIGNATURE;

static const char thanks_text[] =
	"Subject: Thank you for your time\n"
	GREETING
	"Thank you for taking the time to talk with me."
	"{?advice} One piece of your advice has stayed with me: {advice}. "
	"I am acting on it, and I will let you know how it goes.{/advice}"
	"{^advice} Hearing how you see the field was exactly what I needed, "
	"and I will let you know how things go.{/advice}"
	"{?resources} Thank you also for pointing me to {resources}.{/resources}\n\n"
	SIGNATURE;

static const char thanks_introducer_text[] =
	"Subject: Thank you for introducing me to {introduced.first_name}\n"
	GREETING
	"Thank you for introducing me to {introduced.name}{?chain}, who in turn {chain}{/chain}. "
	"{?chain}{interviewee.first_name} and I{/chain}{^chain}We{/chain} had a very helpful "
	"conversation, and I am grateful you made it happen. I will keep you posted.\n\n"
	SIGNATURE;

static const char introducer_update_text[] =
	"Subject: News from your introduction to {introduced.first_name}\n"
	GREETING
	"I wanted to let you know that "
	"{?chain}{introduced.first_name} {chain}, and {interviewee.first_name} and I had a very "
	"helpful conversation{/chain}"
	"{^chain}{introduced.first_name} and I talked again, and it was just as helpful as "
	"the first time{/chain}. "
	"Your introduction keeps opening doors, and I am grateful. I will keep you posted.\n\n"
	SIGNATURE;

static const char nudge_followup_text[] =
	"Subject: Following up on my earlier note\n"
	GREETING
	"I wanted to follow up on my earlier note{?purpose} about {purpose}{/purpose}. "
	"I know how busy things get, so no worries if now is not a good time. "
	"If you could spare 20-30 minutes in the coming weeks, {medium}, I would be very grateful. "
	"Would that be possible?\n\n"
	SIGNATURE;

static const char nudge_other_text[] =
	"Subject: {?introducer.first_name}{introducer.first_name} suggested I get in touch{/introducer.first_name}"
	"{^introducer.first_name}{?purpose}Learning about {purpose}{/purpose}"
	"{^purpose}A short conversation about your work{/purpose}{/introducer.first_name}\n"
	GREETING WHO_YOU_ARE
	"{?introducer.first_name}" WHY_INTRODUCED "{/introducer.first_name}"
	"{^introducer.first_name}" WHY_YOU "{/introducer.first_name}"
	WILLING_TO_TALK SIGNATURE;

static const char check_in_text[] =
	"Subject: Checking in\n"
	GREETING
	"It has been a while since we last talked, and I wanted to check in. "
	"How are things{?contact.company} at {contact.company}{/contact.company}?"
	"{?me.exploring} On my side, I am still {me.exploring}.{/me.exploring} "
	"I would love to hear your news.\n\n"
	SIGNATURE;

static const char report_back_text[] =
	"Subject: What I did with your advice\n"
	GREETING
	"I wanted to tell you what came of our conversation.\n\n"
	"{?advice}You suggested:\n{advice.list}\n\n{/advice}"
	"{?resources}You also pointed me to {resources}.\n\n{/resources}"
	"{outcome}\n\n"
	"Thank you again for your help.\n\n"
	SIGNATURE;

static const char custom_text[] =
	"Subject: A quick note\n"
	GREETING "\n\n" SIGNATURE;

static const char intro_request_text[] =
	"Subject: Could you introduce me to {introduced.first_name}?\n"
	GREETING
	"Would you be willing to introduce me to {introduced.name}"
	"{?introduced.company} at {introduced.company}{/introduced.company}? "
	"If it helps, here is a short note you could forward:\n\n"
	"> {me.name}{?me.background}, after {me.background},{/me.background} is "
	"{?me.exploring}{me.exploring}{/me.exploring}{^me.exploring}exploring a next step{/me.exploring}, "
	"and would value 20-30 minutes {medium} to learn from {introduced.first_name}'s experience"
	"{?introduced.title} as {introduced.a_title}{/introduced.title}"
	"{?introduced.company} at {introduced.company}{/introduced.company}.\n\n"
	"Thank you for considering it.\n\n"
	SIGNATURE;

const char *iv_draft_default_template(int which)
{
	switch (which) {
	case IV_TEMPLATE_REQUEST: return request_text;
	case IV_TEMPLATE_REQUEST_INTRODUCED: return request_introduced_text;
	case IV_TEMPLATE_THANKS: return thanks_text;
	case IV_TEMPLATE_THANKS_INTRODUCER: return thanks_introducer_text;
	case IV_TEMPLATE_INTRODUCER_UPDATE: return introducer_update_text;
	case IV_TEMPLATE_NUDGE_FOLLOWUP: return nudge_followup_text;
	case IV_TEMPLATE_NUDGE_OTHER: return nudge_other_text;
	case IV_TEMPLATE_CHECK_IN: return check_in_text;
	case IV_TEMPLATE_REPORT_BACK: return report_back_text;
	case IV_TEMPLATE_CUSTOM: return custom_text;
	case IV_TEMPLATE_INTRO_REQUEST: return intro_request_text;
	default: return NULL;
	}
}
