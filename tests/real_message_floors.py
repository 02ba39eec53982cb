"""What the assistant holds on each set of real people's messages: issue 11's targets and the
floors this version reaches, measured with `make bench-real`.

`make test` gates the dev set and the newest collected sets through the real servers
(tests/integration/test_real_messages.py). The older collected sets are gated by the red-flag
detector alone (tests/bot/test_real_messages_at_detector_level.py): through the servers they
cost the suite minutes it no longer has under 20. Sets 1 to 100 moved at stop 55, when the
detector, with the check question's truthful answer, read all but 12 of the 9,845 stored
messages as the servers did; sets 101 to 250 moved at stop 62, each holding its red-flag,
emergency and false-alarm floors at the detector level but the five kept through the servers;
sets 251 to 260 moved at stop 63, each holding the same three floors at the detector level.
`make bench-real` still scores every set through the servers, with every measure.
"""

from __future__ import annotations

# issue 11's targets: at least (recall, F1) or at most (rates)
TARGETS = {
    "red_flag_recall": 1.0,
    "emergency_recall": 1.0,
    "referral_recall": 0.80,
    "intent_macro_f1": 0.75,
    "false_alarms": 0.05,
    "check_questions": 0.15,
    "not_sure_replies": 0.10,
}
AT_MOST = {"false_alarms", "check_questions", "not_sure_replies"}
# what this version holds on each set, measured with `make bench-real`
HOLDS = {
    "dev": {
        **TARGETS,
        "referral_recall": 0.84,
        "intent_macro_f1": 0.70,  # target 0.75 not met
        "false_alarms": 0.02,
    },
    "written_here": {
        **TARGETS,
        "intent_macro_f1": 0.57,  # target 0.75 not met
    },
    "written_here_2": {
        **TARGETS,
        "intent_macro_f1": 0.54,  # target 0.75 not met
    },
    "written_here_3": {
        **TARGETS,
        "referral_recall": 0.85,
        "intent_macro_f1": 0.59,  # target 0.75 not met
        "false_alarms": 0.04,  # 1/30: a mother's cancer, told as family history
    },
    "written_here_4": {
        **TARGETS,
        "referral_recall": 0.95,
        "intent_macro_f1": 0.70,  # target 0.75 not met
    },
    "written_here_5": {
        **TARGETS,
        "referral_recall": 0.95,
        "intent_macro_f1": 0.74,
    },
    "written_here_6": {
        **TARGETS,
        "referral_recall": 0.93,
        "intent_macro_f1": 0.82,  # 0.84 before stop 14's training examples (dev rose 0.64 to 0.65)
    },
    "written_here_7": {
        **TARGETS,
        "intent_macro_f1": 0.58,  # target 0.75 not met
    },
    "written_here_8": {
        **TARGETS,
        "referral_recall": 0.94,
        "intent_macro_f1": 0.74,
    },
    "written_here_9": {
        **TARGETS,
        "referral_recall": 0.85,
        "intent_macro_f1": 0.44,  # target 0.75 not met
    },
    "written_here_10": {
        **TARGETS,
        "intent_macro_f1": 0.32,  # target 0.75 not met (red flags labelled by their question)
    },
    "written_here_11": {
        **TARGETS,
        "intent_macro_f1": 0.30,  # target 0.75 not met (red flags labelled by their question)
    },
    "written_here_12": {
        **TARGETS,
        "referral_recall": 0.85,
        "intent_macro_f1": 0.26,  # target 0.75 not met (red flags labelled by their question)
    },
    "written_here_13": {
        **TARGETS,
        "referral_recall": 1.0,
        "intent_macro_f1": 0.59,  # target 0.75 not met
    },
    "written_here_14": {
        **TARGETS,
        "referral_recall": 0.90,
        "intent_macro_f1": 0.50,  # target 0.75 not met
    },
    "written_here_15": {
        **TARGETS,
        "referral_recall": 1.00,
        "intent_macro_f1": 0.53,  # target 0.75 not met
    },
    "written_here_16": {
        **TARGETS,
        "referral_recall": 1.00,
        # target 0.75 not met; 0.54 until stop 20 read "should I keep running?" at a story's end
        # as the exercise-safety question, as the dev set labels it (this set's writer labelled
        # such stories by their body part); 0.49 since stop 24's "how long will it last"
        # examples for ask_pain_cause (one message; fourteen other sets rose)
        "intent_macro_f1": 0.49,
    },
    "written_here_20": {
        **TARGETS,
        "intent_macro_f1": 0.67,  # target 0.75 not met
    },
    "written_here_21": {
        **TARGETS,
        "intent_macro_f1": 0.52,  # target 0.75 not met
    },
    "written_here_22": {
        **TARGETS,
        "intent_macro_f1": 0.65,  # target 0.75 not met
    },
    "written_here_23": {
        **TARGETS,
        # target 0.75 not met; 0.54 before stop 20 (as written_here_16), 0.53 before stop 33
        "intent_macro_f1": 0.52,
        "false_alarms": 0.05,  # 1/22: cancer history with the new pain already scanned clear
    },
    "written_here_24": {
        **TARGETS,
        "intent_macro_f1": 0.52,  # target 0.75 not met
    },
    "written_here_25": {
        **TARGETS,
        "intent_macro_f1": 0.55,  # target 0.75 not met
    },
    "written_here_28": TARGETS,
    "written_here_27": {
        **TARGETS,
        "intent_macro_f1": 0.60,  # target 0.75 not met
    },
    "written_here_26": {
        **TARGETS,
        "referral_recall": 0.75,  # 6/8: target 0.80 not met on this set
        "intent_macro_f1": 0.58,  # target 0.75 not met
    },
    "written_here_19": {
        **TARGETS,
        "referral_recall": 0.75,  # 6/8: target 0.80 not met on this set
        # stop 42: 0.01 to 0.02 lower after this stop's changes, not traced message by message
        # (an alarm no longer raised leaves the classifier's own reading)
        "intent_macro_f1": 0.59,
        "false_alarms": 0.05,  # 1/21
        # 5/21: target 0.15 not met on this set (a kidney, an infection worry, a joke of cancer)
        # stop 42: a spinal fracture already named, and breath told as what the pain took, are
        # asked about instead of alarmed
        "check_questions": 0.29,
    },
    "written_here_18": {
        **TARGETS,
        "referral_recall": 0.90,
        "intent_macro_f1": 0.54,  # target 0.75 not met; 0.55 before stop 20 (as written_here_16)
    },
    "written_here_17": {
        **TARGETS,
        "referral_recall": 1.00,
        "intent_macro_f1": 0.66,  # target 0.75 not met; 0.67 before stop 20 (as written_here_16)
    },
    # Real messages from public pages: targets not met on this set. Missed: a sudden pain between
    # the shoulder blades "like a warm waterfall" down the back (aortic, labelled emergency) gets
    # the same-day referral; five of twelve referrals (a stoop at 81, a hip that feels stuck, a
    # teenager's morning stiffness, months of disc pain, a few months told by the doctors seen).
    "collected_1": {
        **TARGETS,
        "red_flag_recall": 0.94,  # 18/19
        "emergency_recall": 0.85,  # 6/7
        "referral_recall": 0.58,  # 7/12
        "intent_macro_f1": 0.43,
    },
    # Real messages from public pages, a second collector: targets not met on this set. Missed: a
    # night's back pain "moved to my shoulders and arms and I became unable to move"; a whole leg
    # numb below the hip (labelled emergency) gets the same-day referral; an old mother's worse
    # pain with a fall only feared by her child; seven of fifteen referrals.
    "collected_2": {
        **TARGETS,
        "red_flag_recall": 0.83,  # 15/18
        "emergency_recall": 0.85,  # 6/7
        "referral_recall": 0.53,  # 8/15
        "intent_macro_f1": 0.45,
    },
    # Real messages from public pages, a third collector, heavy with warning signs and their
    # look-alikes: targets not met on this set. Missed: an unsteady person who could not reach
    # the toilet for days and then could not get up; pain that returned "more painful to
    # breathe" (low back); thrown by a bucking horse with no horse named in the quote; a cramp
    # that "progressed to numbness" down one leg and "returned"; a friend's fall told without
    # her age; a survivor's "C word again"; a 70-plus fall told as "landed - hard -"; pain
    # "across my entire back and legs". False alarms (emergency signs said to be over only in a
    # later sentence, which the detector lets end none but its own clause's: a fall down the
    # stairs twice, a toddler's foot dragging that day, a weight-bearing sciatica that settled).
    "collected_3": {
        **TARGETS,
        "red_flag_recall": 0.80,  # 34/42
        "emergency_recall": 0.83,  # 20/24
        # 0.37 before stop 33: a fall judged over is read as the question, not a red flag
        "intent_macro_f1": 0.34,
        "false_alarms": 0.18,  # 3/17
        # stop 34: a fall down the stairs or onto the back from standing asks the hard-fall check;
        # stop 46: 4/17 (3/17 before) after "worse" and "worst" kept their own lemmas, which
        # moved this set's check questions (a flu story with vomiting gets the severe-pain check)
        # stop 47: a mother's fall told beside her back asks the older-knock check (5/17)
        "check_questions": 0.29,
    },
    # Real messages from public pages, a fourth collector (forum posts): targets not met on this
    # set. Missed: an 82-year-old confined to a wheelchair by six weeks of back pain; a father in
    # hospital with cord compression whose legs are getting number (urgent, labelled emergency).
    "collected_4": {
        **TARGETS,
        "red_flag_recall": 0.81,  # 9/11
        "emergency_recall": 0.75,  # 3/4
        "intent_macro_f1": 0.46,
    },
    # Real messages from public pages, a fifth collector (reader letters and patient blogs):
    # red flags 11/11 at first contact; targets not met on referrals (long-standing stenosis,
    # sciatica and disc stories told without a change, a recalled hip implant) and false alarms
    # (a recovery story told from its worst day, a hip that hurts lying down already booked for
    # a replacement, an 86-year-old's compression fractures already diagnosed).
    "collected_5": {
        **TARGETS,
        "referral_recall": 0.41,  # 5/12
        "intent_macro_f1": 0.35,
        "false_alarms": 0.11,  # 3/28
    },
    # Real messages from public pages, a sixth collector (blogs, forums, patient Q&A sites and
    # reader letters): at first contact red flags 13/17, emergencies 5/6. Missed: pain from the
    # shoulder down beside the mid-back told as plain mechanical pain (labelled urgent as
    # thoracic pain). Referrals: long-standing stories told without a change.
    "collected_6": {
        **TARGETS,
        "red_flag_recall": 0.94,  # 16/17
        "referral_recall": 0.52,  # 9/17
        "intent_macro_f1": 0.59,
    },
    # Real messages from public pages, a seventh collector (health forums, newspaper columns,
    # Q&A sites; no reddit): at first contact red flags 10/16, emergencies 1/5, false alarms
    # 2/21. Nerve symptoms "down my legs" now ask the both-legs check; missed: numbness "in my
    # legs" getting worse with sciatica told in one leg (the same-day referral; labelled
    # emergency). False alarm kept: genital numbness for two minutes five days ago, said never
    # to have come back only in a later sentence. The both-legs check reads as a red flag,
    # which costs F1 where the collector labelled the message sciatica (0.37 to 0.36).
    "collected_7": {
        **TARGETS,
        "red_flag_recall": 0.93,  # 15/16
        "emergency_recall": 0.80,  # 4/5
        "referral_recall": 0.68,  # 13/19
        "intent_macro_f1": 0.36,
        "false_alarms": 0.05,  # 1/21
    },
    # Real messages from public pages, an eighth collector (personal blogs, sports, parenting
    # and carers' forums): at first contact red flags 15/18, emergencies 3/6, false alarms
    # 2/22. False alarms kept: a person who "collapsed" on the floor with a back spasm, twice
    # (a collapse with back pain stays the aortic emergency: it is how a leaking aneurysm is
    # told too). Referrals: long-standing sciatica and disc stories told without a change.
    "collected_8": {
        **TARGETS,
        # 7/17 since stop 27: one referral was caught only by reading a fall onto one's "rear
        # end" as a car rear-ended (an emergency for the wrong reason), now left out
        "referral_recall": 0.41,  # 7/17
        "intent_macro_f1": 0.55,
        "false_alarms": 0.10,  # 2/22
    },
    # Real messages from public pages, a ninth collector (health Q&A sites, newspaper columns,
    # patient forums): at first contact red flags 10/14, emergencies 3/3, false alarms 0/25.
    # Missed: a hand and an arm numb for weeks (the neck, which the detector does not cover);
    # "what can cause severe lower back pain and leg weakness?", read as a general question.
    "collected_9": {
        **TARGETS,
        "red_flag_recall": 0.78,  # 11/14
        # 11/16 to 10/16 in stop 60: "if I don't have surgery, I will be paralyzed" is a risk a
        # doctor told of, no sign (it had raised an emergency check)
        "referral_recall": 0.62,  # 10/16
        "intent_macro_f1": 0.47,
    },
    # Real messages from public pages, a tenth collector asked for warning-sign stories told in
    # everyday words: at first contact red flags 18/28, emergencies 7/10, false alarms 0/11.
    # Missed: a father's "spill" with a growing hip bruise, told without his age; a husband
    # who "lost strength" weeks into a back ache; a toe gone numb ten months after disc surgery;
    # pains "in my lower back and both of my legs" getting worse, with no nerve words (plain
    # aches in both legs are left out of the both-legs emergency on purpose: a written set's
    # festival-goer with heavy, achy legs).
    "collected_10": {
        **TARGETS,
        "red_flag_recall": 0.85,  # 24/28
        "referral_recall": 0.50,  # 6/12
        "check_questions": 0.19,  # 2/11
    },
    # Real messages from public pages, an eleventh collector asked for ordinary questions
    # (exercise, activity, stiffness, hips) from sports and fitness sites: at first contact
    # false alarms 2/45 (a swimmer's "stroke"; a back "all jacked up", read as injecting drugs).
    "collected_11": {
        **TARGETS,
        "referral_recall": 0.41,  # 5/12
        "intent_macro_f1": 0.46,
    },
    # Real messages from public pages, a twelfth collector (health, caregiver, sports and hobby
    # forums, ask-the-doctor sites; most such pages were already used): at first contact red
    # flags 4/6, false alarms 4/17. Missed: "what is the cause of sudden severe mid back pain",
    # read as a general question. False alarms kept: three falls told as over only in later
    # sentences (a horse, a 3-4 m bouldering fall whose fracture healed, a bike crash onto a
    # hip), because "over" is judged in the clause that tells the sign.
    "collected_12": {
        **TARGETS,
        "red_flag_recall": 0.83,  # 5/6
        "false_alarms": 0.18,  # 3/17
        "intent_macro_f1": 0.36,
        # 7/7 before stop 33: a rider's fall seen at the ER is over, and a break taken at work no
        # longer asks the fragile-bones check
        "referral_recall": 0.71,  # 5/7
    },
    # Real messages from public pages, a thirteenth collector (blogs, carers' blogs, reader
    # letters and advice columns, patient-story pages): at first contact red flags 13/20,
    # emergencies 4/8. Still below the label: spreading numbness after a disc prolapse and a
    # grandmother's fall with weeping pain get the same-day referral (labelled emergency).
    "collected_13": {
        **TARGETS,
        "red_flag_recall": 0.90,  # 18/20
        "emergency_recall": 0.75,  # 6/8
        "referral_recall": 0.60,  # 6/10
        "intent_macro_f1": 0.58,
    },
    # Real messages from public pages, a fourteenth collector (readers' questions to doctor
    # columns in India, Rwanda, Nigeria and Pakistan, reader comments, forums and blogs from
    # eight countries): at first contact red flags 7/15, emergencies 3/7, false alarms 5/21.
    # Missed: a foot numb from a pinched nerve, told as sudden in the next sentence. False
    # alarms kept: numbness from an epidural given that morning; fractures being recovered from
    # or operated on months ago, and a fall in 2009, each told as over in another sentence;
    # bladder and bowel changes long-standing from MS.
    "collected_14": {
        **TARGETS,
        "red_flag_recall": 0.93,  # 14/15
        "false_alarms": 0.24,  # 5/21
        "intent_macro_f1": 0.34,
    },
    # Real messages from public pages, a fifteenth collector (communities built around work,
    # hobbies and life situations; writers whose first language is not English): at first
    # contact red flags 12/16, emergencies 4/5, false alarms 2/17. Missed: a husband's new pain
    # for months, worst at night (the same-day referral is labelled; night pain alone gets the
    # referral for pain that lasts); a 93-year-old bedridden with spasms who "has lost weight"
    # (weight loss counts only when not on purpose, and his age is told in words). False alarm
    # kept: compression fractures "forgot all about" for decades, told apart from today's ache.
    "collected_15": {
        **TARGETS,
        "red_flag_recall": 0.87,  # 14/16
        # 7/11 before round 31: numbness back after surgery lost its referral
        "referral_recall": 0.54,  # 6/11
        "false_alarms": 0.06,  # 1/17
        "intent_macro_f1": 0.50,
    },
    # Real messages from public pages, a sixteenth collector (people with other long-term
    # conditions; sports-injury blogs and forums): at first contact red flags 4/7, emergencies
    # 2/5 (a climbing fall that missed the pad, a snowboarder's tumble down a rock face, nerve
    # pain down the "lower extremities"), false alarms 0/10.
    "collected_16": {
        **TARGETS,
        # 4/7 since stop 69: psoriasis beside back pain counts only with a stiff back (NICE
        # NG65's inflammatory pattern), so sa023 (psoriatic arthritis long known, a recent
        # lower back pain) is no longer referred; two messages labelled none elsewhere
        # (collected_41 tv002, collected_79 vn021) no longer are either
        "referral_recall": 0.57,
        "intent_macro_f1": 0.41,
    },
    # Real messages from public pages, a seventeenth collector (pregnancy and after birth,
    # older people and their carers, teenagers and parents, informal English): at first
    # contact red flags 12/19 (first reply 6), emergencies 4/5, false alarms 2/19. Fixed by
    # concept: a height in feet written short ("6ft"), "can't run without pain" is no denial,
    # a child's age in words or school, a slipped growth plate named, a fall with no way up
    # told across sentences, fragility fractures, "lost the ability to walk", a condition
    # feared for the pain now ("worried it could be a kidney infection") asked about.
    "collected_17": {
        **TARGETS,
        "referral_recall": 0.73,  # 11/15
        # targets 0.05 and 0.15 not met: an 83-year-old's fall already through hospital and
        # rehab, told with no pain; a gym story's "gasped for air" whose end is two sentences
        # on; check questions on a pregnant woman's pelvic pressure, pain after a fusion and
        # incontinence after prostate surgery
        "false_alarms": 0.11,  # 2/19
        "check_questions": 0.16,  # 3/19
        # stop 42: 0.01 to 0.02 lower after this stop's changes, not traced message by message
        # (an alarm no longer raised leaves the classifier's own reading)
        "intent_macro_f1": 0.38,
    },
    # Real messages from public pages, an eighteenth collector (trades and manual work, men over
    # 50, long-term medicines, newspaper Q&A columns): at first contact red flags 11/18 (first
    # reply 9), emergencies 2/3, false alarms 1/18. Fixed by concept: chemotherapy's low white
    # cells; the strength in a leg or hip "was gone", a thigh that "loses all strength"; a fall
    # from a "second story"; something heavy coming down on the person; legs "like pipe
    # cleaners"; function at risk ("lest I lose function permanently"); a "cracked back";
    # "opting out of" existence; "my arms and legs are still strong" is no weak leg.
    "collected_18": {
        **TARGETS,
        "referral_recall": 0.6,  # 6/10; 7/10 before stop 33, when a collapse for pain alarmed
        # target 0.15 not met: a patient's weak leg told by the nurse who caught her, thoracic
        # pain after gardening, a pain that got worse through a school day
        "check_questions": 0.17,  # 3/18
        "intent_macro_f1": 0.35,
    },
    # Real messages from public pages, a nineteenth collector (students, office workers and
    # gamers; runners, cyclists and gym-goers; people with diabetes, obesity or on dialysis;
    # writers from Malaysia, the Philippines, South Africa, Australia, Canada and India): at
    # first contact red flags 6/14 (first reply 4), emergencies 4/5, false alarms 1/21. Fixed by
    # concept: "it's not the cancer that's..." is no denial of it; numbness "right to the sole of
    # my foot"; sciatica in the other leg "just like" the first; a swelling across the lower
    # back; paraplegia.
    "collected_19": {
        **TARGETS,
        # targets 1.0 not met: pain "down the front of my thighs" (a plural the lemmas make
        # singular), legs "screaming in pain", numbness in one leg told in a memoir of 2016,
        # spinal TB with paraplegia told as history (the check is not reached after its urgent
        # reply); and an emergency false alarm, "our cancer centre" as a workplace, kept
        "red_flag_recall": 0.71,  # 10/14
        "emergency_recall": 0.80,  # 4/5
        "referral_recall": 0.71,  # 10/14
        "intent_macro_f1": 0.33,
    },
    # Real messages from public pages, a twentieth collector (people over 60 and their carers,
    # veterans, past cancer, kidney disease, injuries at home and on the road, slang and
    # non-native English): at first contact red flags 17/18 (first reply 17), emergencies 6/7,
    # false alarms 3/23, check questions 4/23. Fixed by concept: bowels that have stopped for
    # days or weeks with the back pain ask the cauda-equina check; a crash dated "on 2/15/05"
    # is history (its check is asked, not the alarm).
    "collected_20": {
        **TARGETS,
        # targets not met: a referral whose pain "got much worse" is answered by the check, and
        # two more; a fall down the stairs already X-rayed (a coccyx fracture), told as seen to
        # only later; check questions on a healthy bone scan, an old crash, a 75-year-old's
        # settled flare, a "slightly-broken back", thoracic pain that "went away completely"
        # and the fever of a kidney infection already named in the ER (stop 26: an alarm before)
        "referral_recall": 0.77,  # 7/9
        "false_alarms": 0.05,  # 1/23
        # stop 34: a fall down the stairs or onto the back from standing asks the hard-fall check
        "check_questions": 0.3,
        "intent_macro_f1": 0.34,
    },
    # Real messages from public pages, a twenty-first collector (after back surgery or a hip
    # replacement, waiting for scans, chronic pain and long-term painkillers, look-alikes told
    # by the person, parents of young athletes, shift workers): at first contact red flags 11/19
    # (first reply 9), emergencies 5/9, false alarms 5/23. Fixed by concept: a femur broken in a
    # fall; pain that comes only at night with no comfortable position; a leg that will not carry
    # the person ("could not walk on my right leg") asks the leg-weakness check; "no redness,
    # drainage or fever" denies the fever (a list ending in "or"); the worst of a range of
    # guesses ("as bad as a tumor") is no cancer history; "I wasn't diagnosed fast enough" is no
    # denial of the cauda equina.
    "collected_21": {
        **TARGETS,
        # targets not met: two children's back pain labelled urgent (the clinical table has no
        # such row; the assistant refers them to a GP before any exercise); a 2014 night waking
        # told as one episode; new urinary urgency read as a kidney infection (urgent) with the
        # cauda-equina check asked after it, which the instrument does not answer; check
        # questions: since stop 33 a ladder fall where "nothing was broken" asks instead of
        # alarming (shingles confirmed by a physician is seen to since stop 26)
        "red_flag_recall": 0.78,  # 15/19
        "emergency_recall": 0.88,  # 8/9
        "referral_recall": 0.37,  # 3/8
        "false_alarms": 0.0,  # 0/23
        "intent_macro_f1": 0.46,
        "check_questions": 0.18,  # 4/23
    },
    # Real messages from public pages, a twenty-second collector (posts typed on phones,
    # metaphors for symptoms, women's health, sleep, drink and drugs, low mood): at first
    # contact red flags 13/17 (first reply 11), emergencies 6/8, false alarms 4/25. Fixed by
    # concept: "they didn't learn how often suicide entered my thoughts" is no denial; a rider
    # thrown ("bounced right out of the saddle"); a grandparent's fall told apart from the limp.
    "collected_22": {
        **TARGETS,
        # targets not met: a rider's fall told with no word for the horse; false alarms on
        # signs told as over only in a later sentence (a back spasm that "almost" made her pass
        # out, treated in the ER; cauda equina operated four years ago; a fall "some years back";
        # a young adult's fall down several stairs, treated in the ER)
        "red_flag_recall": 0.94,  # 16/17
        "emergency_recall": 0.87,  # 7/8
        "referral_recall": 0.75,  # 6/8
        "false_alarms": 0.16,  # 4/25
        # 0.24 until stop 54: back pain spreading into the chest is now the chest emergency
        # (a new blind set's missed emergency); here it also raises a habit of anxious years
        # ("could get so intense and radiate to my chest"), a false alarm read as a red-flag report
        "intent_macro_f1": 0.23,
    },
    # Real messages from public pages, a twenty-third collector (farming, riding, gardening and
    # DIY, musicians, dancers, cleaners, cooks, drivers; newspaper columns in the UK, Ireland,
    # Australia, New Zealand and India; grandparents): at first contact red flags 11/18 (first
    # reply 9), emergencies 6/12, false alarms 3/23. Fixed by concept: a rider thrown or a
    # horse's weight on the person; a bale brought down on the person; a stack that gave way
    # under the person; knocked unconscious by a fall; a hip "shattered"; a thigh gone "as numb
    # as a block of ice".
    "collected_23": {
        **TARGETS,
        # targets not met: a horse that hit the writer, told with no word for the horse;
        # referrals; false alarms on signs over only in a later sentence (a horse that fell on
        # her, a pars fracture since healed; legs that would not move for a few minutes with a
        # spasm; "almost collapsed" as the back went)
        "red_flag_recall": 0.94,  # 17/18
        "emergency_recall": 0.91,  # 11/12
        "referral_recall": 0.55,  # 5/9
        "false_alarms": 0.13,  # 3/23
        "intent_macro_f1": 0.37,  # 0.01 to 0.04 lower after round 31's NLU examples
    },
    # Real messages from public pages, a twenty-fourth collector (sports and gym people, ask-a-
    # doctor sites from India and Taiwan, Nigerian and Filipino health columns, workers) and a
    # twenty-fifth (other long-term conditions, women's health, look-alike pains such as
    # shingles and gallstones, messages about someone else; 39), stop 26: at first contact red
    # flags 8/13 and 11/13, emergencies 4/8 and 5/7, false alarms 1/25 and 6/17. Fixed by
    # concept: a leg that "couldn't support my body"; numbness just starting in one foot, or
    # bad enough to stop walking; both feet "completely numb"; an odd feeling that "began to
    # affect" the legs; a fall down a stairwell; thrown by a crash, then unable to move; a
    # shingles or kidney infection a clinician has already named is seen to.
    "collected_24": {
        **TARGETS,
        # targets not met: referrals (runners' hip and groin pain, sciatica told as a story);
        # a carer's check question on a minor bike fall and a cauda equina named as 1999's
        # history; a cancer patient's fear of bone spread, told with the clear scan after it
        # stop 34: a referral caught only by a distance read as an age ("she was doing 16 miles")
        # is lost
        "referral_recall": 0.25,
        "check_questions": 0.12,  # 3/25
        # stop 34: the classifier reads the normaliser's new text (a distance's number and double
        # quotes dropped)
        "intent_macro_f1": 0.4,
    },
    "collected_25": {
        **TARGETS,
        # targets not met: a wife who fell at night and could not get up, told without a
        # word of pain or injury; false alarms on shingles named by a doctor far from its
        # mention or told spreading since, a blackout in a spasm and a ladder fall both
        # cleared by a doctor in a later sentence; check questions on gallbladder pain felt
        # between the shoulder blades, period pain with nausea, a kidney stone already named
        "red_flag_recall": 0.92,  # 12/13
        "emergency_recall": 0.85,  # 6/7
        "referral_recall": 0.77,  # 7/9
        "false_alarms": 0.30,  # 5/17
        "check_questions": 0.30,  # 5/17
        # stop 42: 0.01 to 0.02 lower after this stop's changes, not traced message by message
        # (an alarm no longer raised leaves the classifier's own reading)
        "intent_macro_f1": 0.31,
    },
    # Real messages from public pages, a twenty-sixth collector (spinal-condition communities:
    # cauda equina, stenosis, spinal infection, cancer in the spine, osteoporotic fractures;
    # writers from Canada, Australia, Ireland, South Africa, Singapore and New Zealand) and a
    # twenty-seventh (ordinary questions from gym, running, cycling, yoga and parenting
    # communities; 47), stop 26: at first contact red flags 9/17 and 5/7, emergencies 4/9 and
    # 2/3, false alarms 4/22 and 2/31. Fixed by concept: nothing felt from the waist or mid-back
    # down; legs that can't be moved; walking that grows weaker; toes that can't be pulled up;
    # both hands numb or tingling with walking harder; ribs that crack getting out of bed; an
    # upper side of the back told in other words; out of breath told as new; a length or a
    # height is no age; a bare "head-on" is no crash; "I was only 42 when" is history; "to cut
    # a long story short" is no wound.
    "collected_26": {
        **TARGETS,
        # targets not met: ten days of sudden severe pain, unable to stand, told without a sign;
        # false alarms on sciatica's constant pain "no matter how" one lies, fractures of
        # twenty years ago told in a sentence without their time (since stop 33, diagnosed
        # ones ask instead), and a leg numb only lying on the back; check questions on a
        # friend's stenosis and a known past
        "red_flag_recall": 0.94,  # 16/17
        "referral_recall": 0.72,  # 8/11
        "false_alarms": 0.1,  # 2/22
        # 0.22 until stop 41: numbness and loss of strength in one leg, an operation booked,
        # is now urgent
        "intent_macro_f1": 0.20,
        "check_questions": 0.19,  # 4/22
    },
    "collected_27": {
        **TARGETS,
        # targets not met: new numbness in one thigh after split squats told with its past
        # episodes; knees that gave out in a spasm, told over only later (an emergency sign);
        # referrals; check questions on a bike crash already X-rayed and an old riding fracture
        "red_flag_recall": 0.85,  # 6/7
        "referral_recall": 0.77,  # 7/9
        # stop 34: an urgent sign now alarms first, read as a red-flag report
        "intent_macro_f1": 0.39,
    },
    # Real messages from public pages, stop 27: a twenty-eighth collector (carers and family,
    # spinal tumours and cancer in the bones, fractures in older people, pregnancy; 35), a
    # twenty-ninth (health forums, blogs and ask-a-doctor pages: older people, manual workers,
    # nurses and carers, non-native English; 47) and a thirtieth (long stories from sport and
    # heavy work: riding, biking, hockey, lifting, skiing, builders; 46). At first contact red
    # flags 10/15, 10/14 and 8/18, emergencies 1/2, 1/2 and 4/11. Fixed by concept: nearly all
    # of a leg's strength lost; no movement in the foot; a leg told as useless; a rider thrown
    # told apart from the horse, a "horse wreck"; a crash told apart from the bike; slamming
    # head first; the need for the toilet told, then not managing it; back pain on a deep
    # breath asks the thoracic check; labour named as the worry asks the pregnancy check ("could
    # this be" is a suspicion about now); an older age in joking words with a fall asks the
    # older-knock check; a break feared by someone who can't get up; a grappling partner who
    # "flattened me out" is no crush.
    "collected_28": {
        **TARGETS,
        # targets not met: a teenager's new night pain; walking trouble with spinal tumours told
        # in other words (urgent, not the emergency); a flare only the writer's other posts place
        # (spinal tumours); a trampoline fall told over by the emergency room only at the end;
        # referrals
        "red_flag_recall": 0.80,  # 12/15
        "emergency_recall": 0.50,  # 1/2
        "referral_recall": 0.58,  # 7/12
        "false_alarms": 0.13,  # 1/8
        # 0.33 until stop 41: "his legs was feeling numb", told before the visit to the ER, is
        # now the emergency
        # 0.28 until stop 54: a mother's fall told bare ("Mom fell six days ago") now asks the
        # older person's fall check, read as a red-flag report
        "intent_macro_f1": 0.27,
    },
    "collected_29": {
        **TARGETS,
        # targets not met: false alarms on no position that eases a day-old strain, and weight
        # that could not be taken in a spasm, taken again later; check questions; referrals
        "referral_recall": 0.76,  # 10/13
        "false_alarms": 0.10,  # 2/20
        "check_questions": 0.20,
        "intent_macro_f1": 0.45,
    },
    "collected_30": {
        **TARGETS,
        # targets not met: a new headache after a bike crash; sudden deep hip pain on crutches;
        # a ski fall on a hip operated on twelve weeks before; check questions; referrals
        "red_flag_recall": 0.83,  # 15/18
        "referral_recall": 0.82,  # 14/17
        "check_questions": 0.19,
        # 0.01 to 0.04 lower after round 31's NLU examples; 0.37 since stop 39, when words
        # chained by hyphens are read as words and a sparring injury's story (tk022) reads as
        # a stiffness question
        # stop 42: 0.01 to 0.02 lower after this stop's changes, not traced message by message
        # (an alarm no longer raised leaves the classifier's own reading)
        "intent_macro_f1": 0.36,
    },
    # Stop 27, three more collectors: nerve and bladder signs told in everyday words (blogs on
    # disc trouble, foot drop and spine surgery, ask-a-doctor pages; 33), feeling unwell with the
    # pain (cancer, falls in frail people, kidneys, pregnancy, chronic illness; 41) and ordinary
    # questions from hobby and work communities (47). At first contact red flags 4/9, 16/20 and
    # 6/7, emergencies 1/4, 8/10 and 2/2, false alarms 2/14, 4/9 and 2/30. Fixed by concept: a
    # foot told as "dropping"; legs that can only be dragged; how little strength is left in the
    # lower body; both feet numb without let-up; not able to stand up on the toes; a carer's "she
    # couldn't move her left leg"; tummy pain in pregnancy asks the pregnancy check, and "didn't
    # know I was pregnant" tells it; a compression fracture a clinician found is seen to;
    # "constantly" is the pain's, not any doing's.
    "collected_31": {
        **TARGETS,
        # targets not met: a foot muscle that no longer contracts, felt, not seen; false alarms on
        # a spasm that had the writer "collapse on the floor" for relief and legs that could not
        # move in a spasm, moving hours later (emergency signs, ended only in their own clause);
        # referrals
        "red_flag_recall": 0.88,  # 8/9
        "referral_recall": 0.60,  # 6/10
        "false_alarms": 0.15,  # 2/14
        "intent_macro_f1": 0.39,
    },
    "collected_32": {
        **TARGETS,
        # targets not met: a frail mother's fall told without her age; extreme back and tummy
        # pain in early pregnancy is caught at urgent (a kidney infection named), not the
        # emergency; a false alarm on leg tingling that scans have cleared; check questions;
        # referrals
        "red_flag_recall": 0.9,  # 18/20
        "emergency_recall": 0.90,  # 9/10
        "referral_recall": 0.75,  # 9/12
        "false_alarms": 0.12,  # 1/9
        # stop 34: a fall down the stairs or onto the back from standing asks the hard-fall check
        "check_questions": 0.33,
        # stop 34: the hard-fall check, emergency-level, reads as the red-flag intent; stop 36:
        # a lower body gone numb from a swollen spine (labelled for the clinician) is read as
        # the red flag it alarms
        "intent_macro_f1": 0.28,
    },
    "collected_33": {
        **TARGETS,
        # targets not met: a husband's feet tingling only twenty minutes into a drive (labelled
        # urgent); a false alarm on a stumble at 51 that x-rays had cleared; referrals
        "red_flag_recall": 0.85,  # 6/7
        "referral_recall": 0.60,  # 6/10
        "intent_macro_f1": 0.36,  # 0.01 to 0.04 lower after round 31's NLU examples
    },
    # Stop 27, the last three collectors, who found most pages already used: questions to doctor
    # Q&A sites and newspaper columns from Africa and Asia (9), short informal posts (25) and
    # people living with long-standing spine and hip conditions or on medicines that matter
    # (42). At first contact red flags 2/2, 1/1 and 12/16, false alarms 1/1, 1/13 and 0/8.
    # Fixed by concept: read by lemma, "I'm injecting" also matched "the epidural was injected",
    # and "rear-ended" the body's "rear end" (both left out now); infected rods or screws;
    # waterworks that "just don't work"; a leg numb now, told against before the operation;
    # "used to hold" is a purpose, not a past.
    "collected_34": {
        **TARGETS,
        # targets not met: referrals
        "referral_recall": 0.66,  # 4/6
        "intent_macro_f1": 0.63,
    },
    "collected_35": {
        **TARGETS,
        "intent_macro_f1": 0.42,
    },
    "collected_36": {
        **TARGETS,
        # targets not met: a "fellow myeloma survivor" tells the writer's own myeloma, read as a
        # friend's; referrals
        "red_flag_recall": 0.93,  # 15/16
        "referral_recall": 0.77,  # 14/18
        "intent_macro_f1": 0.50,
    },
    # Stop 28, three more collectors: back pain with infection or illness elsewhere (spinal
    # tuberculosis, HIV, injecting drugs, sepsis; 45), informal and second-language English
    # from workers and parents (47), and women's and men's health (43). At first contact red
    # flags 12/16 (emergencies 1/3), 2/4 and 5/12, false alarms 5/15, 0/20 and 1/19. Fixed by
    # concept: an infection told by its clinical name (spondylodiscitis, Pott's disease) or by
    # "his body temperature is high"; back pain on a deep breath in the lower back ("deep
    # breathes"); a sudden pain passing from the back into the tummy; labour told by its
    # rhythm ("every 15 minutes") or by the belly going hard; a dirt-bike spill; spotting feared
    # as a miscarriage.
    "collected_37": {
        **TARGETS,
        # targets not met: spinal abscesses told by someone already in hospital who "couldn't
        # walk" (labelled emergency, raised to urgent); false alarms on childhood tuberculosis
        # and spinal infections told as long over; referrals
        "red_flag_recall": 0.93,  # 15/16
        "emergency_recall": 0.66,  # 2/3
        "referral_recall": 0.71,  # 10/14
        "false_alarms": 0.34,  # 5/15
        "check_questions": 0.20,
        "intent_macro_f1": 0.29,
    },
    "collected_38": {
        **TARGETS,
        # targets not met: referrals (hip pain alone, hinge lifts felt in the back)
        "referral_recall": 0.43,  # 10/23
        "intent_macro_f1": 0.55,
    },
    "collected_39": {
        **TARGETS,
        # targets not met: a hernia-like lump at the navel and a pregnancy hip that cannot take
        # a step (labelled urgent); a cancer survivor's old back pain read as new; referrals
        "red_flag_recall": 0.83,  # 10/12
        "referral_recall": 0.75,  # 9/12
        "false_alarms": 0.06,  # 1/19
        "intent_macro_f1": 0.36,
    },
    # Later in stop 28, three more collectors: pain placed in the tailbone, buttock, sacroiliac
    # joint, groin and side of the hip (48); nights, mornings and inflammatory back pain (44);
    # back and hip pain after accidents, told an hour to decades later (48). At first contact
    # red flags 2/5, 2/4 (emergencies 0/2) and 5/8 (emergencies 3/6), false alarms 2/24, 3/27
    # and 12/28. Fixed by concept: legs told together as numb ("my legs were numb all the way
    # up"); no movement left in a foot ("didn't have any movement in my right foot"); a buck
    # and a fall with the animal unnamed; an injury seen to with its outcome told ("x-rays were
    # clear", "sent me home", a clinician's "it was a strain"); "ten years from the car
    # accident" is history; "it can't come soon enough" is no sexual sign.
    "collected_40": {
        **TARGETS,
        # targets not met: buttock pain after cancer treatment that names no cancer, a stroke
        # survivor's fall that got worse over five days, and a horse fall whose "never been on
        # a horse that fast" reads as a denial (labelled urgent); false alarms on a slip down a
        # few stairs and pregnancy groin pain; referrals
        "red_flag_recall": 0.40,  # 2/5
        "referral_recall": 0.57,  # 11/19
        "false_alarms": 0.09,  # 2/24
        "intent_macro_f1": 0.46,
    },
    "collected_41": {
        **TARGETS,
        # targets not met: false alarms on a car accident told only as how a condition was
        # found, and an inflammatory arthritis already treated; referrals
        "referral_recall": 0.69,  # 9/13
        "false_alarms": 0.08,  # 2/27
        "intent_macro_f1": 0.44,
    },
    "collected_42": {
        **TARGETS,
        # targets not met: a rear-end crash told without its words ("WHAM! I bounced forward")
        # and a fall at work with pain down both legs (labelled emergency); false alarms on
        # injuries already treated in hospital (a hip fracture pinned or replaced, a pedestrian
        # x-rayed the same day), a tailbone broken in a fall down the stairs, and others;
        # referrals
        "red_flag_recall": 0.75,  # 6/8
        "emergency_recall": 0.66,  # 4/6
        "referral_recall": 0.58,  # 7/12
        "false_alarms": 0.40,  # 11/28
        # stop 34: a fall down the stairs or onto the back from standing asks the hard-fall check;
        # stop 57: a crash dated ten years back ("this November marks ten years from the car
        # accident") asks the spinal-cord check instead of alarming (9/28)
        "check_questions": 0.33,
        # stop 34: the hard-fall check, emergency-level, reads as the red-flag intent
        "intent_macro_f1": 0.21,
    },
    "collected_43": {
        **TARGETS,
        # targets not met: a veteran's good leg failing once told as a story, and both legs
        # that "spontaneously go out" years before a fusion (labelled emergency) asks the check
        # only; false alarms: a spinal-cord balance problem told as normal for years, and a
        # brake-pedal leg before surgery with a cane that "falls on the floor"; referrals
        "red_flag_recall": 0.83,  # 5/6
        "referral_recall": 0.61,  # 8/13
        "false_alarms": 0.08,  # 2/27
        # deficits told with their operation ask whether new or worse; so does a fall years ago
        # with walking hard since (fall-then-worse reads the whole message)
        "check_questions": 0.22,
        "intent_macro_f1": 0.27,
    },
    "collected_44": {
        **TARGETS,
        # targets not met: an 83-year-old's spine "crumbling" told by her carer, and a mother's
        # broken vertebrae after a fall told once she was in A&E (labelled emergency, raised
        # urgent); a fall on ice with weak bones told as already all right; referrals
        "red_flag_recall": 0.77,  # 7/9
        "emergency_recall": 0.66,  # 2/3
        "referral_recall": 0.58,  # 7/12
        "check_questions": 0.20,
        "intent_macro_f1": 0.32,
    },
    "collected_45": {
        **TARGETS,
        # targets not met: referrals; intents
        "referral_recall": 0.66,  # 14/21
        "intent_macro_f1": 0.41,
    },
    "collected_46": {
        **TARGETS,
        # targets not met: referrals (hip pain for weeks told without asking for a check)
        "referral_recall": 0.45,  # 5/11
        "intent_macro_f1": 0.38,
    },
    "collected_47": {
        **TARGETS,
        # targets not met: referrals (a child's back pain for weeks, clicking hips). 8/18 to 7/18
        # in stop 60: "since she started secondary school" is a school, not a cancer's spread
        "referral_recall": 0.38,  # 7/18
        "intent_macro_f1": 0.47,
    },
    "collected_48": {
        **TARGETS,
        # targets not met: referrals
        "referral_recall": 0.30,  # 3/10
        "intent_macro_f1": 0.42,
    },
    "collected_49": {
        **TARGETS,
        # targets not met: legs that "just don't work" from a tumour on the spine (the leg
        # check is asked beside the urgent referral, and the instrument answers no check once
        # triage is urgent); a husband's leg "numb" with severe pain told by his wife; lymphoma
        # told as an "all-clear" with a lump by the spine; false alarms: a climbing fall seen in
        # hospital with no serious injury, a fall with a negative x-ray told before the fall,
        # legs giving way before a 1996 operation
        "red_flag_recall": 0.86,  # 19/22
        "emergency_recall": 0.90,  # 9/10
        "false_alarms": 0.28,  # 3/11
        "intent_macro_f1": 0.34,
    },
    "collected_50": {
        **TARGETS,
        # targets not met: a replaced hip that broke ("excruciating pain... I couldn't move"),
        # a grandfather who could not get out of bed with a slight temperature, a femoral
        # stress fracture hurting at rest (labelled emergency, emergency, urgent); referrals
        "red_flag_recall": 0.25,  # 1/4
        "emergency_recall": 0.0,  # 0/2
        "referral_recall": 0.57,  # 12/21
        "intent_macro_f1": 0.38,
    },
    "collected_51": {
        **TARGETS,
        # targets not met: referrals; check questions on ordinary messages (waterworks told beside
        # sciatica: constipation from painkillers, numbness on a bike that clears off it)
        "referral_recall": 0.56,  # 9/16
        "intent_macro_f1": 0.41,
        "check_questions": 0.21,
    },
    "collected_52": {
        **TARGETS,
        # targets not met: a cancer's progression told without the word ("scans showed more
        # progression on my hips"), numbness in "arms and legs" getting worse (urgent, urgent);
        # false alarms: an old vertebral fracture told as recovering, years of prednisone for
        # polymyalgia (long-term steroids count, as issue 11 asks); referrals; check questions
        "red_flag_recall": 0.81,  # 9/11
        "referral_recall": 0.72,  # 8/11
        "intent_macro_f1": 0.39,
        "false_alarms": 0.10,  # 2/20
        # stop 42: a spinal fracture already named, and breath told as what the pain took, are
        # asked about instead of alarmed
        "check_questions": 0.25,
    },
    "collected_53": {
        **TARGETS,
        # targets not met: back pain with deep breaths that hurt told sentences apart, a colicky
        # pain with vomiting told as "heaving", a searing shoulder-to-mid-back pain that subsided,
        # mid-back pain told as "not my lower back" beside a pregnancy (emergency, urgent, urgent,
        # urgent); referrals; check questions on upper-back aches
        "red_flag_recall": 0.8,  # 16/20
        "emergency_recall": 0.90,
        "referral_recall": 0.6,  # 3/5
        "intent_macro_f1": 0.38,
        # stop 47: a pain at the shoulder blade that radiates up asks the thoracic check
        "check_questions": 0.41,
    },
    "collected_54": {
        **TARGETS,
        # targets not met: referrals (lasting sciatica, stiffness for hours)
        "referral_recall": 0.44,  # 4/9
        "intent_macro_f1": 0.51,
    },
    "collected_55": {
        **TARGETS,
        # targets not met: referrals; check questions (stop 35: a biologic or another medicine
        # that damps the immune system asks the infection check instead of alarming, so the
        # false alarm of axial spondyloarthritis controlled on a biologic became a question)
        "referral_recall": 0.6,  # 9/15
        "intent_macro_f1": 0.42,
        "check_questions": 0.24,  # 6/25
    },
    "collected_56": {
        **TARGETS,
        # targets not met: a knee that "doesn't want to hold my weight" in a sentence that opens
        # "scared to do this without a cane" (read as denied), a rear-end shunt told beside "I
        # didn't hit anyone" (urgent, urgent); referrals
        "red_flag_recall": 0.85,  # 12/14
        "intent_macro_f1": 0.25,
    },
    "collected_57": {
        **TARGETS,
        # targets not met: false alarms (a disc told "pushing on the spinal cord" on an MRI by
        # someone much better; a sneeze felt as "pressure in my chest"); referrals
        "referral_recall": 0.77,  # 14/18
        "intent_macro_f1": 0.68,
        "false_alarms": 0.16,  # 2/13
    },
    "collected_58": {
        **TARGETS,
        # targets not met: a rhomboid strain that catches on a deep breath, read as upper-back
        # pain told with the breath (urgent); check questions (the same message)
        "intent_macro_f1": 0.22,
        "false_alarms": 0.17,  # 1/6
        "check_questions": 0.17,
    },
    "collected_59": {
        **TARGETS,
        # a false alarm left: pain the day after yoga "so much I could barely breathe"
        # stop 34: the hard-fall check, emergency-level, reads as the red-flag intent
        "intent_macro_f1": 0.57,
    },
    "collected_60": {
        **TARGETS,
        # targets not met: nerve pain down "my legs" beside a spinal fracture (read urgent, the
        # both-legs check is not asked once a finding is urgent), a replaced hip out of its
        # socket told without the word ("a tennis ball just under the skin", "you cannot even
        # sit up") (emergency, emergency); referrals
        "red_flag_recall": 0.33,  # 1/3
        "emergency_recall": 0.33,
        # 8/14 since stop 38: pelvic girdle pain in pregnancy, worst on turning in bed, reached its
        # referral only through the night-pain check, which pain set off by turning over no
        # longer asks (9/14 before; 10/14 before stop 33, when a hip collapsing alarmed)
        "referral_recall": 0.57,
        # stop 42: 0.01 to 0.02 lower after this stop's changes, not traced message by message
        # (an alarm no longer raised leaves the classifier's own reading)
        "intent_macro_f1": 0.31,
    },
    "collected_61": {
        **TARGETS,
        # targets not met: burning pain down the arms from a neck damaged by myeloma told
        # without the cancer, an older woman's slip onto her tailbone without an age, a husband's
        # legs too weak to walk beside a cancer history (urgent, urgent, emergency); false
        # alarms (a vertebra cracked in 1993, a fever told as over); referrals
        "red_flag_recall": 0.87,  # 14/16
        "emergency_recall": 0.5,
        "referral_recall": 0.37,  # 3/8; 4/8 before stop 33, when a back collapsing alarmed
        "intent_macro_f1": 0.52,
        "false_alarms": 0.15,  # 2/14
        # stop 42: a spinal fracture already named, and breath told as what the pain took, are
        # asked about instead of alarmed
        "check_questions": 0.21,
    },
    "collected_62": {
        **TARGETS,
        # targets not met: false alarms (falls already seen in hospital or walked away from:
        # "thought my back was broken", "I think I broke my coccyx. Not really"); referrals
        "referral_recall": 0.45,  # 5/11
        "intent_macro_f1": 0.36,
        "false_alarms": 0.12,  # 3/27
    },
    "collected_63": {
        **TARGETS,
        # targets not met: a fall down a flight of stairs told after the x-rays, an elderly
        # mother's week of back and tummy pain, a mother found on her driveway "hurting all over"
        # (emergency, urgent, emergency); false alarms (a hip fracture already operated on, a
        # compression fracture months old in a brace); referrals; check questions
        "red_flag_recall": 0.81,  # 13/16
        "emergency_recall": 0.75,
        "referral_recall": 0.66,  # 4/6
        "intent_macro_f1": 0.38,
        "false_alarms": 0.19,  # 2/11
        # stop 42: a spinal fracture already named, and breath told as what the pain took, are
        # asked about instead of alarmed
        "check_questions": 0.36,
    },
    "collected_64": {
        **TARGETS,
        # targets not met: back pain and "the back of my legs" after a manipulation in a 1998
        # pregnancy (emergency); false alarms: finished stories (back labour ending in a healthy
        # birth, kidney stones passed, a father who has died, pregnancy pelvic pain recovered
        # from); check questions
        "red_flag_recall": 0.66,  # 2/3
        "emergency_recall": 0.5,
        "referral_recall": 0.75,  # 3/4
        "intent_macro_f1": 0.42,
        "false_alarms": 0.32,  # 9/29
        # stop 42: a spinal fracture already named, and breath told as what the pain took, are
        # asked about instead of alarmed
        "check_questions": 0.31,
    },
    "collected_65": {
        **TARGETS,
        # targets not met: waking unable to move or walk weeks after a biopsy of the back
        # (urgent); referrals; check questions
        "red_flag_recall": 0.0,  # 0/1
        "referral_recall": 0.76,  # 19/25
        "intent_macro_f1": 0.42,
        # stop 50: pain radiating into the hips and legs asks the cauda equina check
        "check_questions": 0.25,
    },
    "collected_66": {
        **TARGETS,
        # targets not met: a fall then worsening pain and a leg that will not hold her up, told
        # in a blog that mixes Tagalog (urgent)
        "red_flag_recall": 0.8,  # 4/5
        "intent_macro_f1": 0.41,
    },
    "collected_67": {
        **TARGETS,
        # targets not met: false alarms: a husband's wasted calves and wobbly gait already
        # operated on ("the surgery was successful"); referrals (stop 46: a back hurt getting out
        # of bed "did something wrong... last night" lost the night-pain question that "wrong",
        # read as "worst", raised); check questions
        "referral_recall": 0.6,  # 6/10
        "false_alarms": 0.1,  # 1/11
        "check_questions": 0.19,  # 2/11
        "intent_macro_f1": 0.4,
    },
    "collected_68": {
        **TARGETS,
        # targets not met: falls from a horse told without the horse named ("got sent flying
        # over his shoulder") (urgent, twice); an older father who collapsed too dizzy to get up,
        # the hip named only as a worry (emergency); false alarms: falls from horses, on ice
        # and out of the bath that the writers judged over or harmless; check questions (stop 35:
        # "worst case there could be a fractured vertebrae" is no report, and asks the
        # severe-pain check)
        "red_flag_recall": 0.66,  # 6/9
        "emergency_recall": 0.75,  # 3/4
        "referral_recall": 0.76,  # 13/17
        "false_alarms": 0.29,  # 4/14
        # stop 42: a spinal fracture already named, and breath told as what the pain took, are
        # asked about instead of alarmed
        "check_questions": 0.29,
        "intent_macro_f1": 0.2,
        "not_sure_replies": 0.03,  # 1/40
    },
    "collected_69": {
        **TARGETS,
        # targets not met: a staph infection of the spine told from the intensive care unit,
        # and a collapsed vertebra with "my legs started to go numb" (both legs told without
        # "both"), each read urgent with its check after the reply (emergency); false alarms: a
        # spinal infection after an epidural, treated and over; check questions
        "red_flag_recall": 0.89,  # 17/19
        "emergency_recall": 0.8,  # 8/10
        "referral_recall": 0.75,  # 6/8
        "false_alarms": 0.34,  # 1/3
        "check_questions": 0.34,  # 1/3
        "intent_macro_f1": 0.37,
    },
    "collected_70": {
        **TARGETS,
        # targets not met: severe back pain at 34 weeks told without the word pregnant
        # (urgent); stabbing pain on every breath weeks after a caesarean, "or take a full
        # breath" at the end of a list (emergency); check questions: runners' pain under the
        # shoulder blade asks the upper-back check (exertion is left to ask)
        "red_flag_recall": 0.66,  # 4/6
        "emergency_recall": 0.0,  # 0/1
        "referral_recall": 0.66,  # 10/15
        "check_questions": 0.47,  # 7/15
        "intent_macro_f1": 0.24,
    },
    "collected_71": {
        **TARGETS,
        # targets not met: neck pain after a horse's near-fall (urgent); referrals
        "red_flag_recall": 0.5,  # 1/2
        "referral_recall": 0.5,  # 4/8
        # stop 47: a pregnancy told with "can barely walk" asks the labour check, which
        # reads as a red flag
        # stop 55: the classifier, retrained with ten new examples (a sign imagined asks the
        # warning signs), reads other messages a little differently
        "intent_macro_f1": 0.54,
    },
    "collected_72": {
        **TARGETS,
        # targets not met: a loud pop in the hip, then crawling up the stairs, and a hip in an
        # immunosuppressed person, both later sepsis (emergency, read urgent); referrals; false
        # alarms: a broken hip already pinned; check questions
        "red_flag_recall": 0.77,  # 7/9
        "emergency_recall": 0.5,  # 2/4
        "referral_recall": 0.7,  # 12/17
        "false_alarms": 0.1,  # 1/11
        "check_questions": 0.19,  # 2/11
        # stop 34: a fall told with a pregnancy asks the pregnancy check, read as the red-flag
        # intent
        "intent_macro_f1": 0.21,
    },
    "collected_73": {
        **TARGETS,
        # targets not met: two older women with back pain and a sudden confusion, already with
        # their GP or in hospital (urgent); a fall and no weight taken, told as a carer's worry
        # that she will forget it (emergency); referrals; check questions
        "red_flag_recall": 0.81,  # 13/16
        "emergency_recall": 0.85,  # 6/7
        "referral_recall": 0.69,  # 9/13
        "check_questions": 0.23,  # 2/9
        "intent_macro_f1": 0.35,
    },
    "collected_74": {
        **TARGETS,
        # targets not met: referrals
        "referral_recall": 0.62,  # 5/8
        "intent_macro_f1": 0.65,
    },
    "collected_75": {
        **TARGETS,
        "intent_macro_f1": 0.48,
    },
    "collected_76": {
        **TARGETS,
        # targets not met: a small boy who will not stand or straighten his leg, never called a
        # child in the message (urgent); false alarms: a toddler's irritable hip told to its end
        # ("running around like nothing ever happened"); check questions
        "red_flag_recall": 0.8,  # 4/5
        "referral_recall": 0.82,  # 14/17
        "false_alarms": 0.06,  # 1/18
        "intent_macro_f1": 0.33,
    },
    "collected_77": {
        **TARGETS,
        # targets not met: referrals
        "referral_recall": 0.5,  # 4/8
        "intent_macro_f1": 0.40,
    },
    "collected_78": {
        **TARGETS,
        # targets not met: back pain every 20 to 30 minutes, maybe labour, told without the
        # pregnancy (urgent); false alarms: a finished pregnancy's "couldn't breathe" for pain;
        # check questions
        "red_flag_recall": 0.92,  # 13/14
        "false_alarms": 0.07,  # 1/15
        # stop 34: a fall down the stairs or onto the back from standing asks the hard-fall check
        # stop 42: a spinal fracture already named, and breath told as what the pain took, are
        # asked about instead of alarmed
        "check_questions": 0.33,
        # stop 34: the hard-fall check, emergency-level, reads as the red-flag intent
        "intent_macro_f1": 0.26,
        "not_sure_replies": 0.03,  # 1/39
    },
    "collected_79": {
        **TARGETS,
        # targets not met: a myeloma patient's back and legs worse at night (emergency, read
        # urgent); night pain with itching and glands (lymphoma), lupus with an infection and
        # pain under the ribs, an unstable neck joint in arthritis (urgent); referrals; false
        # alarms: cancer survivors whose fractures were treated or whose back pain was
        # investigated long ago
        "red_flag_recall": 0.69,  # 9/13
        "emergency_recall": 0.0,  # 0/1
        "referral_recall": 0.85,  # 12/14
        "false_alarms": 0.5,  # 4/8
        # stop 55: the classifier, retrained with ten new examples (a sign imagined asks the
        # warning signs), reads other messages a little differently
        "intent_macro_f1": 0.23,
    },
    "collected_80": {
        **TARGETS,
        # targets not met: referrals; false alarms: "about keeled over" from the pain; red flags
        # (stop 46: a fall with a known nerve compression, "something pretty wrong... I fell
        # again Friday night", was caught only by a night-pain question that "wrong", read as
        # "worst", raised beside "night"; the lemmas now differ and nothing reads the fall)
        "red_flag_recall": 0.75,  # 3/4
        "referral_recall": 0.66,  # 6/9
        "false_alarms": 0.04,  # 1/26
        "intent_macro_f1": 0.35,
        "not_sure_replies": 0.03,  # 1/39
    },
    "collected_81": {
        **TARGETS,
        # targets not met: referrals; check questions (stop 35: a medicine that damps the immune
        # system asks the infection check)
        "referral_recall": 0.75,  # 3/4
        # stop 47: "I've fallen and I can't get up" asks the hard-fall check (6/32)
        "check_questions": 0.19,
        # stop 34: a nerve word with "down my legs" asks the cauda-equina check, read as the
        # red-flag intent
        # stop 47: that emergency check reads as a red flag
        "intent_macro_f1": 0.31,
    },
    "collected_82": {
        **TARGETS,
        # targets not met: new pain to the right of the spine after dinner, told as knotted
        # sinews (the gallbladder, urgent); pain between the shoulder blades for two days, then
        # a sudden sweat told in a later sentence (emergency, read urgent); referrals; check
        # questions: upper-back pain asks its check
        "red_flag_recall": 0.83,  # 10/12
        "emergency_recall": 0.83,  # 5/6
        "referral_recall": 0.63,  # 7/11
        "check_questions": 0.36,  # 5/14
        "intent_macro_f1": 0.39,
        "not_sure_replies": 0.03,  # 1/37
    },
    "collected_83": {
        **TARGETS,
        # targets not met: a grandmother's spine fracture found on an X-ray after an old fall,
        # a passenger thrown about a jeep after a sudden stop told over two sentences, one leg
        # "didn't have enough energy" before surgery, an older mother bumped by a motorbike
        # whose X-ray was clear (urgent, all four); referrals; false alarms: a kidney infection
        # named as one guess in a list
        "red_flag_recall": 0.5,  # 4/8
        "referral_recall": 0.25,  # 3/12
        "false_alarms": 0.08,  # 1/13
        "intent_macro_f1": 0.43,
    },
    "collected_84": {
        **TARGETS,
        # targets not met: referrals
        "referral_recall": 0.28,  # 2/7
        "intent_macro_f1": 0.53,
        "not_sure_replies": 0.04,  # 1/32
    },
    "collected_85": {
        **TARGETS,
        # targets not met: referrals; check questions
        # stop 37: 11/15 before; one had reached its referral only as an emergency, through "left
        # arm" counted for two groups of the chest rule
        "referral_recall": 0.66,  # 10/15
        "check_questions": 0.2,  # 3/15
        # stop 34: a nerve word with "down my legs" asks the cauda-equina check, read as the
        # red-flag intent
        "intent_macro_f1": 0.44,
    },
    "collected_86": {
        **TARGETS,
        # targets not met: a 90-year-old's fall never X-rayed, her age told as "D is 90"
        # (urgent); referrals; false alarms: a wife's own back pain beside her husband's
        # chemotherapy, read as his weak immune system
        "red_flag_recall": 0.91,  # 11/12
        "referral_recall": 0.83,  # 5/6
        "false_alarms": 0.05,  # 1/22
        "intent_macro_f1": 0.37,
    },
    "collected_87": {
        **TARGETS,
        # targets not met: referrals
        "referral_recall": 0.5,  # 8/16
        "intent_macro_f1": 0.46,
    },
    "collected_88": {
        **TARGETS,
        # targets not met: referrals
        "referral_recall": 0.71,  # 5/7
        "intent_macro_f1": 0.42,
    },
    "collected_89": {
        **TARGETS,
        # targets not met: a sickle cell crisis (urgent); referrals; false alarms: bone ache
        # after each Neulasta shot, read as chemotherapy's infection risk
        "red_flag_recall": 0.9,  # 9/10
        "referral_recall": 0.5,  # 6/12
        "false_alarms": 0.07,  # 1/16
        "intent_macro_f1": 0.34,
    },
    "collected_90": {
        **TARGETS,
        # targets not met: referrals; check questions: falls down stairs and onto the back
        # ask the hard-fall check
        "referral_recall": 0.76,  # 16/21
        "check_questions": 0.42,  # 5/12
        "intent_macro_f1": 0.4,
    },
    "collected_91": {
        **TARGETS,
        # targets not met: severe pain at rest after disc surgery in machine-translated English
        # (urgent); referrals
        "red_flag_recall": 0.66,  # 2/3
        "referral_recall": 0.6,  # 12/20
        "intent_macro_f1": 0.38,
    },
    "collected_92": {
        **TARGETS,
        # targets not met: referrals
        "referral_recall": 0.21,  # 3/14
        "intent_macro_f1": 0.43,  # measured with the classifier trained on the stop 34 normaliser
    },
    "collected_93": {
        **TARGETS,
        # targets not met: a toddler who still can't walk after a slide, never called a child;
        # sciatica in one leg, then "I felt it in my right leg" a sentence later (emergency);
        # a sickle cell crisis (all three urgent or above)
        "red_flag_recall": 0.62,  # 5/8
        "emergency_recall": 0.0,  # 0/1
        "intent_macro_f1": 0.35,
    },
    "collected_94": {
        **TARGETS,
        # targets not met: false alarms: an epidural abscess operated on, told as a finished
        # story; a husband's year of pain after "he's been injected four or five times" (read
        # as injecting drugs)
        "false_alarms": 0.09,  # 2/23
        "intent_macro_f1": 0.36,
    },
    "collected_95": {
        **TARGETS,
        # targets not met: new mid-back pain at 62 already X-rayed (urgent); an elderly father
        # fallen and confused, no back pain told (emergency); false alarms: ten years of
        # prednisone with no pain and no fall, a lymphoma survivor's hip replaced; referrals
        "red_flag_recall": 0.66,  # 4/6
        "emergency_recall": 0.5,  # 1/2
        "referral_recall": 0.75,  # 9/12
        "false_alarms": 0.1,  # 2/20
        "intent_macro_f1": 0.44,
    },
    "collected_96": {
        **TARGETS,
        # targets not met: sciatica that starts only on lying down, labelled night pain
        # (urgent; got the referral); referrals. Its one false alarm (1/19, within the target):
        # a broken back from a horse, told as recovering
        "red_flag_recall": 0.9,  # 9/10
        "referral_recall": 0.66,  # 2/3
        "intent_macro_f1": 0.52,
    },
    "collected_97": {
        **TARGETS,
        # targets not met: check questions (sciatica "down my legs", scoliosis in teenagers)
        "check_questions": 0.24,  # 4/17
        # stop 55: the classifier, retrained with ten new examples (a sign imagined asks the
        # warning signs), reads other messages a little differently
        "intent_macro_f1": 0.20,
    },
    "collected_98": {
        **TARGETS,
        # targets not met: referrals
        "referral_recall": 0.75,  # 6/8
        # 0.40 until stop 41: numbness "up my legs" told as all on one side reads as both legs
        "intent_macro_f1": 0.37,
    },
    "collected_99": {
        **TARGETS,
        # targets not met: a trucker in a wheelchair from a pinched nerve, told by his wife
        # beside the scan and the claim (urgent); referrals; check questions (stop 44: a slip
        # that "landed hard on my back" asks the fall check, though casualty had found nothing
        # broken: the same words found a fall in a boat with half an hour on the floor in
        # collected_135, an emergency; the question's reading costs the intent score)
        "red_flag_recall": 0.75,  # 3/4
        "referral_recall": 0.72,  # 8/11
        "check_questions": 0.20,
        "intent_macro_f1": 0.43,
    },
    "collected_100": {
        **TARGETS,
        # targets not met: a new pain in the ribs' part of the back that makes each breath hard
        # (urgent); false alarms: a hip fracture told in passing six weeks after the
        # replacement, a shoulder blade bruised in a fall onto the arm; check questions
        "red_flag_recall": 0.9,  # 9/10
        "false_alarms": 0.08,  # 2/25
        # stop 47: 6/25, "to prevent her from falling hard... would only get worse" asks the
        # fall-then-worse check
        "check_questions": 0.24,
        # stop 47: that emergency check reads as a red flag
        "intent_macro_f1": 0.36,
    },
    "collected_101": {
        **TARGETS,
        # targets not met: a collapse with the worst pain at 69 and hip pain at night with
        # fatigue, both told under a year long past (emergency, urgent); one emergency; referrals;
        # false alarms: a childhood fall; check questions
        # stop 55: the retrained classifier reads the hip pain at night with fatigue as a red flag,
        # which the conversation's check then catches (a red flag gained, its intent lost)
        "red_flag_recall": 0.91,  # 11/12
        "emergency_recall": 0.87,  # 7/8
        "referral_recall": 0.75,  # 6/8
        # stop 58: a father's cancer told after his death is no longer a false alarm; the
        # message was labelled a red-flag report, so its intent is lost with it
        "false_alarms": 0.06,  # 1/18
        "check_questions": 0.39,  # 7/18
        "intent_macro_f1": 0.32,
    },
    "collected_102": {
        **TARGETS,
        # targets not met: referrals. Stop 54: red flags 12/12 and no false alarm (the ATV
        # rolled in school days, where the ER told him all he did was pull some muscles, is no
        # longer read as a red-flag report either); a cyclist thrown off and unable to walk
        # without help for two weeks, a year before, now gets the fall check (a fall, then no
        # walking, anywhere in the story): check questions and intent
        "referral_recall": 0.55,  # 5/9
        "check_questions": 0.22,  # 3/14
        "intent_macro_f1": 0.39,
    },
    "collected_103": {
        **TARGETS,
        # targets not met: a diabetic mother's weight loss told as a story of 2008 (urgent);
        # false alarms: an 84-year-old's known compression fractures, a mother's cancer told
        # by her daughter, a father's ladder fall five years ago
        "red_flag_recall": 0.9,  # 9/10
        "false_alarms": 0.28,  # 3/11
        "intent_macro_f1": 0.35,
    },
    "collected_104": {
        **TARGETS,
        # targets not met: a soldier's ankle numb with his sciatica (urgent); referrals; false
        # alarms: a jockey's fall followed up with X-ray and physio, a horse fall decades ago,
        # "nearly causing me to black out" with a pulled back
        "red_flag_recall": 0.85,  # 6/7
        "referral_recall": 0.53,  # 7/13
        "false_alarms": 0.15,  # 3/20
        "intent_macro_f1": 0.42,
    },
    "collected_105": {
        **TARGETS,
        # targets not met: a great-aunt of 92 already in hospital with her broken hip
        # (emergency); referrals; false alarms: a feared crushed vertebra ruled out by X-ray, a
        # kidney infection treated; check questions: the quad-bike crash four years ago, history
        # now, asks the thin-bones check for the broken back it left
        "red_flag_recall": 0.92,  # 12/13
        "emergency_recall": 0.85,  # 6/7
        "referral_recall": 0.63,  # 7/11
        "false_alarms": 0.12,  # 2/16
        "check_questions": 0.19,
        "intent_macro_f1": 0.35,
    },
    "collected_106": {
        **TARGETS,
        # targets not met: referrals; false alarms: a kidney infection only feared; check
        # questions
        "referral_recall": 0.75,  # 6/8
        "false_alarms": 0.06,  # 1/18
        "check_questions": 0.17,  # 3/18
        "intent_macro_f1": 0.2,
    },
    "collected_107": {
        **TARGETS,
        # targets not met: referrals; false alarms: chest pains in the writer's mid-forties,
        # investigated and treated long ago; check questions
        "referral_recall": 0.77,  # 7/9
        "false_alarms": 0.06,  # 1/19
        "check_questions": 0.16,  # 3/19
        "intent_macro_f1": 0.59,
    },
    "collected_108": {
        **TARGETS,
        # targets not met: a child already in hospital with a septic hip (emergency, got urgent);
        # a hip so painful she cannot walk, with rheumatoid arthritis (urgent); referrals; false
        # alarms: a broken hip twelve years ago, a toddler's irritable hip seen by the GP,
        # shingles subsiding, a hip fracture months into rehab
        "red_flag_recall": 0.83,  # 10/12
        "emergency_recall": 0.87,  # 7/8
        "referral_recall": 0.75,  # 6/8
        "false_alarms": 0.32,  # 5/16
        "intent_macro_f1": 0.25,
    },
    "collected_109": {
        **TARGETS,
        # targets not met: a back that "exploded", then a crawl to the toilet that did not make it
        # (emergency; read as the way barred, not the bladder); referrals; false alarms: a teen's
        # roof fall onto a ladder, healed years ago
        "red_flag_recall": 0.87,  # 7/8
        "emergency_recall": 0.66,  # 2/3
        "referral_recall": 0.77,  # 7/9
        "false_alarms": 0.08,  # 1/13
        "intent_macro_f1": 0.45,
    },
    "collected_110": {
        **TARGETS,
        # targets not met: false alarms (a steroid question with a known old fracture, pneumonia
        # treated in hospital); check questions
        # stop 37: the rib stress fracture no longer alarms (an arm that hurt is no heart sign);
        # its bone scan asks the cancer check instead
        "false_alarms": 0.2,  # 2/10
        # stop 42: a spinal fracture already named, and breath told as what the pain took, are
        # asked about instead of alarmed
        "check_questions": 0.50,
        "intent_macro_f1": 0.55,
    },
    # stop 37's sets at first contact: red flags 8/13 and 6/12, false alarms 3/13 and 5/16
    "collected_111": {
        **TARGETS,
        # targets not met: neck signs in the arms (weakness told as an arm that gave out, loss of
        # sensation down one side), a 94-year-old found fallen with no strength in his arms; false
        # alarms: a 94-year-old unhurt after a fall, a cancer history asked about with no pain
        "red_flag_recall": 0.76,  # 10/13
        "emergency_recall": 0.75,  # 3/4
        "referral_recall": 0.77,  # 7/9
        "false_alarms": 0.16,  # 2/13
        "check_questions": 0.16,
        "intent_macro_f1": 0.22,
    },
    "collected_112": {
        **TARGETS,
        # targets not met: a teenager's constant night pain; referrals; false alarms: contractions
        # that stopped in hospital, numbness from a bike saddle, a neighbour trampled by a cow
        "red_flag_recall": 0.91,  # 11/12
        "referral_recall": 0.28,  # 2/7
        "false_alarms": 0.19,  # 3/16
        "check_questions": 0.26,
        "intent_macro_f1": 0.26,
    },
    # stop 38's sets at first contact: red flags 10/13 and 9/11, false alarms 3/14 and 2/16
    "collected_113": {
        **TARGETS,
        # targets not met: a mother in her late 80s whose leg suddenly could not move, her trunk
        # warm to the touch (a fever told by touch); a painful leg with a temperature of 103F read
        # as same-day, labelled an emergency; referrals; check questions (an infection that had
        # gone, a fracture of 2016 treated, a memoir of 1974, a doctor's question about peeing)
        "red_flag_recall": 0.84,  # 11/13
        "emergency_recall": 0.75,  # 3/4
        "referral_recall": 0.57,  # 4/7
        "check_questions": 0.43,  # 6/14
        "intent_macro_f1": 0.22,
    },
    "collected_114": {
        **TARGETS,
        # targets not met: a false alarm (a diary entry of 1989 about a horse accident, the year
        # named once at the top); referrals; check questions (falls with nothing broken)
        "referral_recall": 0.77,  # 7/9
        "false_alarms": 0.07,  # 1/16
        "check_questions": 0.25,  # 4/16
        # a fall, then walking hard: the fall's emergency check reads as a red flag
        "intent_macro_f1": 0.34,
    },
    "collected_115": {
        **TARGETS,
        # targets not met: pain now almost constant and worst after lying down, in a story of
        # "just like last year"; a pain below the shoulder blade that catches on deep breaths,
        # told without the word "pain" in its sentence (urgent, urgent)
        "red_flag_recall": 0.71,  # 5/7
        # stop 50: intent moved with the stop's retrain and detector changes
        "intent_macro_f1": 0.41,
    },
    "collected_116": {
        **TARGETS,
        # targets not met: a pain that grew over days to excruciating and stopped sleep (urgent,
        # got the clinician level); a mother-in-law's crushed vertebra with a hip pain nobody
        # checked; false alarms: leaking on a trampoline after childbirth (the jump told
        # sentences before the leak), a urine infection diagnosed at the ER and on antibiotics,
        # shingles diagnosed years back told in the present; check questions
        "red_flag_recall": 0.80,  # 8/10
        "false_alarms": 0.14,  # 3/22
        "check_questions": 0.18,
        "intent_macro_f1": 0.24,
    },
    "collected_117": {
        **TARGETS,
        # targets not met: referrals (hip pain without back pain, a hip that suddenly gives way,
        # hip pain that wakes at night, a surgical hip worsening); a false alarm:
        # "collapsed on the floor, on hands and knees" a week ago, told as improving since
        "referral_recall": 0.61,  # 8/13
        "false_alarms": 0.04,  # 1/23
        "intent_macro_f1": 0.29,
    },
    "collected_118": {
        **TARGETS,
        # targets not met: referrals (hip pain without back pain, a hip that "stops working",
        # months of back pain told without the six weeks' words)
        "referral_recall": 0.5,  # 3/6
        "intent_macro_f1": 0.60,
    },
    "collected_119": {
        **TARGETS,
        # targets not met: both legs losing power dated months back gets the urgent reply with
        # the emergency check (not answered by the instrument at urgent); false alarms: a leg
        # that buckled and is told steady again two days on, "am I in labour?" in pregnancy
        "red_flag_recall": 0.92,  # 13/14
        "emergency_recall": 0.88,
        "false_alarms": 0.12,  # 2/18
        "intent_macro_f1": 0.48,
    },
    "collected_120": {
        **TARGETS,
        # targets not met: referrals (hip pain in runners, sciatica over weeks). 2/7 to 1/7 in
        # stop 60: "we went out to lunch" is the writer going out, not a hip going out
        "referral_recall": 0.14,  # 1/7
        "intent_macro_f1": 0.59,
    },
    "collected_121": {
        **TARGETS,
        # targets not met: referrals (hip giving way, pregnancy pelvic pain in words it misses)
        "referral_recall": 0.83,  # 15/18
        "intent_macro_f1": 0.25,
    },
    "collected_122": {
        **TARGETS,
        # targets not met: referrals; a false alarm: myeloma's known hip pain under its care team;
        # check questions (older people's falls and steroid use)
        "referral_recall": 0.33,  # 1/3
        "false_alarms": 0.05,  # 1/25
        "check_questions": 0.20,
        "intent_macro_f1": 0.38,
    },
    "collected_123": {
        **TARGETS,
        # a set gathered for alarming words in ordinary stories. Targets not met: referrals;
        # false alarms: a lifelong tingling thigh beside "I assumed I had thigh cancer" (the
        # cancer with a nerve sign is read across the message); check questions: labour feared
        # at 31 weeks, IBS pain into the back, a tailbone broken in high school, a sleepwalker's
        # fall in the 1990s, a lump on the back beside a friend's cancer
        "referral_recall": 0.44,  # 4/9
        # stop 58: the lump on the back beside a friend's cancer is no longer an alarm; the
        # fever check is asked instead (answered no)
        "false_alarms": 0.05,  # 1/19
        "check_questions": 0.37,
        "intent_macro_f1": 0.41,
    },
    "collected_124": {
        **TARGETS,
        # a set gathered from writers whose first language is not English. Targets not met:
        # referrals (hip and disc pain told through a scan's words)
        "referral_recall": 0.66,  # 10/15
        "intent_macro_f1": 0.46,
    },
    "collected_125": {
        **TARGETS,
        # a second set from non-native writers. Targets not met: referrals; check questions
        # (older relatives' falls and a cancer told as history)
        "referral_recall": 0.66,  # 4/6
        "check_questions": 0.17,
        "intent_macro_f1": 0.51,
    },
    "collected_126": {
        **TARGETS,
        # a set gathered for legs and nerves in everyday words. Targets not met: a red flag
        # (one leg numb after a lumbar puncture, told with "still"); false alarms: numb thighs
        # after spine surgery that the surgeon said would pass "and it was" two sentences on,
        # a leg gone to sleep overnight that gave way
        "red_flag_recall": 0.91,  # 11/12
        "false_alarms": 0.25,  # 2/8
        # stop 58: "I have not able to get comfortable whenever sitting, standing, or lying
        # down" is now read as pain no position eases (urgent, labelled see_clinician), and its
        # reading is the red flag's (one message of 41)
        "intent_macro_f1": 0.20,
    },
    "collected_127": {
        **TARGETS,
        # a set gathered for alarming words in ordinary stories. Targets not met: referrals
        # (hip pain from running, an old injury slow to settle, told without the clinician words)
        "referral_recall": 0.58,  # 10/17
        "intent_macro_f1": 0.46,
    },
    "collected_128": {
        **TARGETS,
        # a set gathered for exercise questions. Targets not met: a red flag (burning night pain
        # no position eased, told over several sentences); referrals (hip tendon pain from
        # running, pain "worse than ever" after years of a bad back)
        "red_flag_recall": 0.80,  # 4/5
        "referral_recall": 0.26,  # 4/15
        "intent_macro_f1": 0.33,
    },
    "collected_129": {
        **TARGETS,
        # a set gathered for serious history told beside today's back (old fractures, past
        # crashes, cancer in remission). Targets not met: red flags (new hip pain with myeloma
        # named only as "mm"; a mother in her fifties with a lifting strain, her age and the lift
        # told in different sentences); referrals (back operations years ago, told calmly); check
        # questions (old fractures are asked about: thin bones and how the pain began)
        "red_flag_recall": 0.50,  # 2/4
        "referral_recall": 0.73,  # 11/15
        "check_questions": 0.50,  # 8/16
        "intent_macro_f1": 0.18,
    },
    "collected_130": {
        **TARGETS,
        # a set gathered for everyday questions about why a back or hip hurts and stiffness.
        # Targets not met: referrals (an inflammatory or worsening pattern told as an everyday
        # question)
        "referral_recall": 0.50,  # 6/12
        "intent_macro_f1": 0.40,
    },
    "collected_131": {
        **TARGETS,
        # a set gathered for breath, faints and injuries in back-pain stories, told today or
        # long ago. Targets not met: red flags (a tumble onto the neck today told with "going to
        # the doctor tomorrow"; a skydiver's thud onto the tailbone that "hurts like all hell";
        # an older woman's fall with a crack heard; a hard fall with a leg that "wouldn't work",
        # each told inside a long story); false alarms (crashes and fractures told as history
        # whose care is told in words no rule reads yet, breath lost running after months in a
        # brace, a faint told of someone else's kidney stone); check questions (old fractures
        # are asked about: thin bones and how the pain began; since stop 45, a faint only nearly
        # had in a back spasm's story, "thought i would pass out", is asked about, not alarmed:
        # two false alarms became check questions)
        "red_flag_recall": 0.60,  # 6/10
        "emergency_recall": 0.71,  # 5/7
        "false_alarms": 0.28,  # 7/25
        "check_questions": 0.48,
        "intent_macro_f1": 0.12,
    },
    "collected_132": {
        **TARGETS,
        # a set gathered for people over 55 and their grown children: aches, falls, thin bones,
        # past cancers and operations. Targets not met: red flags (a mother gone pale and quiet
        # with sudden back pain at 59; an older mother suddenly unable to walk overnight; a fall
        # from a step ladder onto the hip, "I can hardly walk", each told inside a story); false
        # alarms (a broken hip already treated, told with his age and the fall; a father's
        # repeated falls with no pain told; a broken hip a year ago beside the fear of falling
        # again); referrals
        "red_flag_recall": 0.57,  # 4/7
        "emergency_recall": 0.60,  # 3/5
        "referral_recall": 0.50,  # 6/12
        "false_alarms": 0.16,  # 3/19
        "intent_macro_f1": 0.22,
    },
    "collected_133": {
        **TARGETS,
        # a set gathered for exercise questions from gym-goers, runners, yoga people, office
        # workers and new parents. Targets not met: referrals (running and lifting pain slow to
        # settle, told without a clinician word)
        "referral_recall": 0.58,  # 7/12
        # a fall, then walking hard: the fall's emergency check reads as a red flag
        "intent_macro_f1": 0.45,
    },
    "collected_134": {
        **TARGETS,
        # a set gathered for long stories of falls, crashes, faints, infections and cancers,
        # about half happening now and half long over and treated. Targets not met: red flags (a
        # BMX crash onto the back with a collapse; a climber's compression fracture from a fall,
        # told as going to surgery tomorrow; spreading numbness after a surfing injury; new back
        # pain with the flu); false alarms (infections, cancers, crashes and faints told with
        # their treatment or "he's fine" in words no rule reads yet); check questions; referrals
        "red_flag_recall": 0.76,  # 13/17
        "emergency_recall": 0.81,  # 9/11
        "referral_recall": 0.75,  # 3/4
        "false_alarms": 0.40,  # 6/15
        "check_questions": 0.34,
        "intent_macro_f1": 0.21,
    },
    "collected_135": {
        **TARGETS,
        # a set gathered for look-alikes (cancers in remission, healed fractures, old crashes,
        # falls already x-rayed) beside red flags told inside long everyday stories. Targets not
        # met: red flags (an older father who "had done something to his hip" and sleeps in his
        # chair in agony; a father in agony in both legs and hips after a fall; numbness
        # spreading up a leg and across the buttock, caught as urgent, not as the emergency);
        # false alarms (a sarcoma survivor's numb ankle after surgery, checked by the specialist;
        # a spinal cord tumour removed years ago, told from its dated start); check questions;
        # referrals
        "red_flag_recall": 0.72,  # 8/11
        "emergency_recall": 0.50,  # 1/2
        "referral_recall": 0.77,  # 7/9
        "false_alarms": 0.10,  # 2/20
        # stop 48: a PET scan that ruled cancer out asks the cancer check (PET scans are read
        # as a cancer's scan)
        "check_questions": 0.25,
        "intent_macro_f1": 0.26,
    },
    "collected_136": {
        **TARGETS,
        # a set gathered for everyday exercise questions (gym, running, yoga, desks, new
        # parents, gardening, long drives) with warning signs buried in some. Targets not met:
        # red flags (a parent's message in Japanese about a 2-year-old's hip with a fever, which
        # the assistant does not read); check questions (a back that went out with "thought i
        # was gonna pass out" is the guideline's feeling faint: since stop 45 it is asked about,
        # where it was alarmed)
        "red_flag_recall": 0.92,  # 13/14
        "emergency_recall": 0.75,  # 3/4
        "check_questions": 0.30,
        "intent_macro_f1": 0.35,
    },
    "collected_137": {
        **TARGETS,
        # a set gathered for carers and relatives, and people with long-term conditions, with
        # signs ongoing or over. Targets not met: red flags (a husband's searing hip and pelvic
        # pain whose cancer history is outside the quoted words; a mother who suddenly cannot
        # stand, her x-ray clear; a boy's limp and night sweats where his bone infection was
        # years ago; a woman forced to the floor who "landed hard on my tailbone", left out:
        # the tailbone's landings asked the fall check of eight ordinary stories in older sets);
        # false alarms (a child's hip scare told with "a happy ending" first; an
        # aortic dissection years ago, told from its calendar date, then the recovery)
        "red_flag_recall": 0.78,  # 15/19
        "false_alarms": 0.12,  # 2/16
        "intent_macro_f1": 0.45,
    },
    "collected_138": {
        **TARGETS,
        # a set gathered for people at work and in trades, and people with long-term conditions
        # (transplant, dialysis, cancer, rheumatoid arthritis). Targets not met: red flags (a
        # cancer survivor's new hip pain that stops her walking, with a new lump, told without
        # the cancer's name); referrals; check questions
        "red_flag_recall": 0.80,  # 4/5
        "referral_recall": 0.73,  # 11/15
        "check_questions": 0.20,
        "intent_macro_f1": 0.23,
    },
    "collected_139": {
        **TARGETS,
        # a set gathered for short chat-style posts from people aged 18 to 45 (gym, running,
        # students, new parents, pregnancy). Targets not met: referrals; intent
        "referral_recall": 0.40,  # 4/10
        "intent_macro_f1": 0.40,
    },
    "collected_140": {
        **TARGETS,
        # a set gathered for long stories by people over 50 or their relatives, serious
        # conditions named, current or long over. Targets not met: red flags (an older cyclist's
        # arm weakness and vertigo after a crash, told beside "I can lift my arm"); referrals;
        # false alarms (a grandmother found unconscious after a fall, months into her recovery;
        # a mother's broken hip months back; both legs and a dropped foot five weeks back, told
        # as gone); check questions
        "red_flag_recall": 0.66,  # 2/3
        "referral_recall": 0.77,  # 7/9
        "false_alarms": 0.11,  # 3/28
        "check_questions": 0.18,
        "intent_macro_f1": 0.39,
    },
    "collected_141": {
        **TARGETS,
        # a set gathered for people who have or fear something serious now or lately, with
        # look-alikes, mostly from personal blogs (few signs current and not yet seen to).
        # Targets not met: red flags (a 78-year-old's broken bones after a fall, already in
        # intensive care; a boy who felt his hip "go" at the long jump and cannot walk to the
        # toilet, read as a child's limp: urgent; a mother's broken arm and bruised back after a
        # slip, discharged); referrals; false alarms (a numb foot operated within the week; a
        # mother's broken hip replaced and walking; bladder cancer found last July); check
        # questions
        "red_flag_recall": 0.82,  # 14/17
        "emergency_recall": 0.82,  # 9/11
        "referral_recall": 0.72,  # 8/11
        "false_alarms": 0.25,  # 3/12
        "check_questions": 0.17,
        "intent_macro_f1": 0.23,
    },
    "collected_142": {
        **TARGETS,
        # a set gathered for active people: lifters, runners, cyclists, yoga. Targets not met:
        # referrals; intent. 3/6 to 2/6 in stop 60: "four trips to acupuncture" are visits,
        # not a trip over
        "referral_recall": 0.33,  # 2/6
        "intent_macro_f1": 0.33,
    },
    "collected_143": {
        **TARGETS,
        # a set gathered for quick typing and second-language English. Targets not met: red
        # flags (a feeling of leaking at 38 weeks pregnant: waters or labour, which the
        # assistant does not read); intent
        "red_flag_recall": 0.75,  # 3/4
        "intent_macro_f1": 0.22,
    },
    "collected_144": {
        **TARGETS,
        # a set gathered from advice columns, humour columns and hobby blogs. Targets not met:
        # referrals (months of sciatica that starts on lying down; painkillers used too often;
        # calf weakness awaiting surgery; a passing numb arm); intent. 2/6 to 1/6 in stop 60:
        # "ready to go out for a run" is the writer going out, not a hip going out
        "referral_recall": 0.16,  # 1/6
        "intent_macro_f1": 0.55,
    },
    "collected_145": {
        **TARGETS,
        # a set gathered from advice columns, craft, church, hiking and farm blogs. Targets not
        # met: red flags (a foot weak after a disc; a known bone lesion with weeks of leg pain
        # at night; weakness and no walking after a nerve procedure on a fused spine); false
        # alarms (a short fall from a ladder into ferns; a sister's sciatica beside the writer's
        # old numb foot; a spasm that stops the standing); referrals; intent
        "red_flag_recall": 0.7,  # 7/10
        "referral_recall": 0.71,  # 5/7
        "false_alarms": 0.14,  # 3/23
        "check_questions": 0.14,
        "intent_macro_f1": 0.33,
    },
    "collected_146": {
        **TARGETS,
        # a set gathered from personal blogs and diaries (knitting, quilting, beekeeping, RV,
        # ranch, cancer, pregnancy and hip-replacement diaries) and weightlifting forums. Targets
        # not met: false alarms (cauda equina and a numb leg told from four years ago, on the
        # operation's anniversary); referrals; intent
        "referral_recall": 0.55,  # 5/9
        "intent_macro_f1": 0.44,
    },
    "collected_147": {
        **TARGETS,
        # a set gathered from cancer, chronic-illness, pregnancy, carer and veterans' blogs and
        # hobby blogs. Targets not met: red flags (a husband's mid-scapular pain worse on walking,
        # told as "my husband has had...", read as his history); false alarms (a past nursing
        # story whose sciatica went "down my right leg too", read as both legs; a 72-year-old's
        # compression fracture told as a comeback story; years of pain that wakes a veteran at
        # night); intent. Stop 65: the nursing story's past sciatica now asks the check instead
        # of an emergency (one false alarm fewer, one check question more)
        "false_alarms": 0.09,  # 2/22
        "check_questions": 0.18,  # 4/22
        "intent_macro_f1": 0.37,
    },
    "collected_148": {
        **TARGETS,
        # a set gathered from diary blogs told around a setting (holidays, camps, a sailboat),
        # illness-community story pages and job blogs. Targets not met: referrals (worsening
        # sciatica told as a story; a young dancer's shrinking hip movement); check questions (an
        # old horse fall "when I was seventeen" asks the injury check); intent
        "referral_recall": 0.42,  # 3/7
        "check_questions": 0.17,
        "intent_macro_f1": 0.54,
    },
    "collected_149": {
        **TARGETS,
        # a set gathered from craft blogs' "sorry I haven't posted" notes, family update and
        # prayer-request posts, outdoor diaries and blog comments. Targets not met: red flags (a
        # husband back in hospital after a fusion, unable to walk: already in hospital);
        # false alarms (kidney trouble feared in a list, "the thought of Kidney Infection - Kidney
        # Stones"; an 89-year-old's fall and fracture, treated, told as a recovery); referrals;
        # intent
        "red_flag_recall": 0.9,  # 9/10
        "referral_recall": 0.7,  # 7/10
        "false_alarms": 0.10,  # 2/20
        # stop 55: the classifier, retrained with ten new examples (a sign imagined asks the
        # warning signs), reads other messages a little differently
        "intent_macro_f1": 0.48,
    },
    "collected_150": {
        **TARGETS,
        # a set gathered from older people's and their carers' blogs (hip replacement diaries,
        # falls, osteoporosis). Targets not met: red flags (a nan's broken hip, in hospital and
        # operated, read as the same-day fall; an older lady who could not get up after a fall;
        # a man who fell on his hip, his age told only as "growing old"); check questions (a
        # mum's hip fractures told after her death ask the fragile-bones check: they alarmed
        # before); referrals; intent
        "red_flag_recall": 0.62,  # 5/8
        "emergency_recall": 0.5,  # 2/4
        "referral_recall": 0.33,  # 3/9
        "check_questions": 0.17,
        # stop 50: intent moved with the stop's retrain and detector changes
        "intent_macro_f1": 0.39,
    },
    "collected_151": {
        **TARGETS,
        # a set gathered from sport and outdoor forums and training blogs. Targets not met: false
        # alarms (a kidney infection treated in the ER, its night told as night pain); intent
        "false_alarms": 0.07,  # 1/15
        "intent_macro_f1": 0.31,
    },
    "collected_152": {
        **TARGETS,
        # a set gathered from pregnancy, parenting, carers' and nurses' blogs and forums. Targets
        # not met: red flags (late-pregnancy back pain with no word for pregnant; not walking
        # days after a birth; a fall down a flight of stairs told as "if you've been wondering
        # what would happen"); referrals; check questions; intent
        "red_flag_recall": 0.57,  # 4/7
        "referral_recall": 0.61,  # 8/13
        "check_questions": 0.20,
        "intent_macro_f1": 0.17,
    },
    "collected_153": {
        **TARGETS,
        # a set gathered from people living with cancer, transplants, dialysis, diabetes and
        # spinal surgery. Targets not met: false alarms (a cancer patient's fracture cemented);
        # referrals; check questions; intent
        "referral_recall": 0.66,  # 8/12
        "false_alarms": 0.05,  # 1/21
        "check_questions": 0.19,
        "intent_macro_f1": 0.27,
    },
    "collected_154": {
        **TARGETS,
        # a set gathered from writers outside the UK and the US and in second-language English
        # (blogs, Q&A and forum posts). Targets not met: check questions; intent
        "check_questions": 0.17,
        "intent_macro_f1": 0.24,
    },
    "collected_155": {
        **TARGETS,
        # a set gathered from people in physical jobs and their families (farms, trades,
        # drivers, veterans). Targets not met: red flags (a two-storey fall, operated and in
        # hospital, read as treated); false alarms (a back strain years ago that left the
        # writer barely able to breathe; a plasterer's hip resurfaced, with his age and a hard
        # landing from his teens); referrals; intent
        "red_flag_recall": 0.83,  # 5/6
        "emergency_recall": 0.8,  # 4/5
        "referral_recall": 0.33,  # 5/15
        "false_alarms": 0.11,  # 2/19
        "intent_macro_f1": 0.42,
    },
    "collected_156": {
        **TARGETS,
        # a blind set: blogs, letters and hobby forums (held out at the end of stop 49).
        # Targets not met: referrals, intent, false alarms
        "referral_recall": 0.66,  # 6/9
        "intent_macro_f1": 0.37,
        "false_alarms": 0.17,  # 3/18
    },
    "collected_157": {
        **TARGETS,
        # a blind set: older people and their families (falls, osteoporosis, hip fractures).
        # Targets not met: red flags, emergencies, referrals, intent, false alarms, check questions
        "red_flag_recall": 0.55,  # 6/11
        "emergency_recall": 0.43,
        "referral_recall": 0.42,  # 3/7
        # stop 56: a leg collapsing with sciatica is now read as the emergency it is labelled,
        # and the red-flag reading replaces the sciatica question's intent (one message of 40)
        "intent_macro_f1": 0.2,
        "false_alarms": 0.23,  # 5/22
        "check_questions": 0.23,
    },
    "collected_158": {
        **TARGETS,
        # a blind set: nerve symptoms (numbness, weakness, both legs, sciatica). Targets not
        # met: red flags, emergencies, referrals, intent, false alarms
        "red_flag_recall": 0.8,  # 8/10
        "emergency_recall": 0.67,
        "referral_recall": 0.71,  # 10/14
        "intent_macro_f1": 0.26,
        "false_alarms": 0.07,  # 1/16
    },
    "collected_159": {
        **TARGETS,
        # a blind set: whole-body illness with back or hip pain (fever, cancer, children,
        # pregnancy). Targets not met: red flags, emergencies, referrals, intent, false alarms,
        # check questions
        "red_flag_recall": 0.81,  # 13/16
        "emergency_recall": 0.71,
        "referral_recall": 0.72,  # 8/11
        "intent_macro_f1": 0.33,
        "false_alarms": 0.16,  # 2/13
        "check_questions": 0.23,
    },
    "collected_160": {
        **TARGETS,
        # a blind set: active people (gym, running, cycling, yoga, desk work). Targets not
        # met: referrals, intent
        "referral_recall": 0.6,  # 6/10
        # a fall, then walking hard: the fall's emergency check reads as a red flag
        "intent_macro_f1": 0.33,
    },
    "collected_161": {
        **TARGETS,
        # a blind set: hobby and craft blogs. Targets not met: red flags, emergencies,
        # referrals, intent
        "red_flag_recall": 0.6,  # 6/10
        "emergency_recall": 0.67,
        "referral_recall": 0.5,  # 5/10
        "intent_macro_f1": 0.5,
    },
    "collected_162": {
        **TARGETS,
        # a blind set: parents and families (pregnancy, children, a parent's parent). Targets
        # not met: red flags, emergencies, referrals, intent, false alarms, check questions
        "red_flag_recall": 0.86,  # 6/7 (4/7 until stop 61)
        "emergency_recall": 0.67,
        # stop 61: 10/13 to 9/13. A son's scoliosis already awaiting a spinal surgeon reached
        # the six-week check only through "training to prevent it from getting worse", read as
        # pain getting worse; a worsening to prevent is no longer one.
        "referral_recall": 0.69,  # 9/13
        "intent_macro_f1": 0.24,
        "false_alarms": 0.15,  # 3/20
        "check_questions": 0.25,
    },
    "collected_163": {
        **TARGETS,
        # a blind set: people at work (carers, drivers, warehouse, trades). Targets not met:
        # red flags, referrals, intent, check questions
        "red_flag_recall": 0.5,  # 2/4
        "referral_recall": 0.66,  # 6/9
        "intent_macro_f1": 0.23,
        "check_questions": 0.19,
    },
    "collected_164": {
        **TARGETS,
        # a blind set: older writers' diaries and newsletters. Targets not met: red flags,
        # emergencies, referrals, intent, false alarms
        "red_flag_recall": 0.67,  # 6/9
        "emergency_recall": 0.5,
        "referral_recall": 0.63,  # 7/11
        "intent_macro_f1": 0.24,
        "false_alarms": 0.16,  # 3/19
    },
    "collected_165": {
        **TARGETS,
        # a blind set: personal blogs found by persona (gardeners, boaters, beekeepers,
        # riders). Targets not met: red flags, referrals, intent, false alarms
        "red_flag_recall": 0.89,  # 8/9
        "referral_recall": 0.37,  # 3/8
        "intent_macro_f1": 0.29,
        "false_alarms": 0.18,  # 4/23
    },
    "collected_166": {
        **TARGETS,
        # a blind set: sport communities (riding, martial arts, kiting, rowing, skiing).
        # Targets not met: red flags, emergencies, referrals, intent, false alarms
        "red_flag_recall": 0.62,  # 5/8
        "emergency_recall": 0.4,
        "referral_recall": 0.6,  # 6/10
        # stop 55: the classifier, retrained with ten new examples (a sign imagined asks the
        # warning signs), reads other messages a little differently
        "intent_macro_f1": 0.41,
        "false_alarms": 0.23,  # 5/22
    },
    "collected_167": {
        **TARGETS,
        # a blind set: people living with another condition (arthritis, lupus, cancer, heart
        # disease). Targets not met: intent, false alarms
        "intent_macro_f1": 0.22,
        "false_alarms": 0.12,  # 2/17
    },
    "collected_168": {
        **TARGETS,
        # a blind set: readers' letters and Q&A pages. Targets not met: referrals, intent
        "referral_recall": 0.0,  # 0/3
        "intent_macro_f1": 0.28,
    },
    "collected_169": {
        **TARGETS,
        # a blind set: parents and children and teenagers. Targets not met: referrals, intent,
        # check questions
        "referral_recall": 0.77,  # 7/9
        "intent_macro_f1": 0.33,
        "check_questions": 0.29,
    },
    "collected_170": {
        **TARGETS,
        # a blind set: older people and their carers. Targets not met: red flags, emergencies,
        # referrals, intent, false alarms, check questions
        "red_flag_recall": 0.6,  # 3/5
        "emergency_recall": 0.67,
        "referral_recall": 0.75,  # 6/8
        "intent_macro_f1": 0.62,
        "false_alarms": 0.15,  # 2/13
        "check_questions": 0.38,
    },
    "collected_171": {
        **TARGETS,
        # a blind set: gym, running, cycling, skiing and lifting communities. Targets not met:
        # intent
        "intent_macro_f1": 0.46,
    },
    "collected_172": {
        **TARGETS,
        # a blind set: after spinal or hip surgery, in pregnancy and after birth. Targets not met:
        # referrals, intent
        "referral_recall": 0.5,  # 5/10
        "intent_macro_f1": 0.22,
    },
    "collected_173": {
        **TARGETS,
        # a blind set: informal and second-language English. Targets not met: referrals, intent,
        # check questions
        "referral_recall": 0.5,  # 2/4
        "intent_macro_f1": 0.35,
        "check_questions": 0.2,
    },
    "collected_174": {
        **TARGETS,
        # a blind set: people with long-term conditions or on long-term medicines. Targets not
        # met: intent, false alarms, check questions
        "intent_macro_f1": 0.6,
        "false_alarms": 0.25,  # 1/4
        "check_questions": 0.25,
    },
    "collected_175": {
        **TARGETS,
        # a blind set: physically demanding jobs and hobbies. Targets not met: referrals, intent,
        # check questions
        "referral_recall": 0.33,  # 1/3
        "intent_macro_f1": 0.39,
        "check_questions": 0.27,
    },
    "collected_176": {
        **TARGETS,
        # a blind set: serious back trouble told casually (numbness, falls, fever,
        # thoracic pain). Targets not met: red flags, emergencies, referrals, intent,
        # false alarms, check questions
        "red_flag_recall": 0.7,  # 7/10
        "emergency_recall": 0.75,
        "referral_recall": 0.37,  # 3/8
        "intent_macro_f1": 0.28,
        "false_alarms": 0.33,  # 3/9
        "check_questions": 0.22,
    },
    "collected_177": {
        **TARGETS,
        # a blind set: ordinary everyday back and hip pain from parents, gardeners and
        # desk workers. Targets not met: referrals, intent
        "referral_recall": 0.75,  # 3/4
        "intent_macro_f1": 0.42,
    },
    "collected_178": {
        **TARGETS,
        # a blind set: hip and groin pain in active adults and dancers. Targets not met:
        # referrals, intent
        "referral_recall": 0.5,  # 7/14
        "intent_macro_f1": 0.27,
    },
    "collected_179": {
        **TARGETS,
        # a blind set: older adults, carers and people with long-term illnesses. Targets
        # not met: red flags, referrals, intent. 3/4 to 2/4 in stop 60: a prostate cancer known
        # from the blog, not told; it was reached only by reading "after the trip to Berlin" at
        # almost fifty as a trip over
        "red_flag_recall": 0.5,  # 2/4
        "referral_recall": 0.75,  # 6/8
        "intent_macro_f1": 0.34,
    },
    "collected_180": {
        **TARGETS,
        # a blind set: sciatica and nerve pain down the leg (numbness, foot drop, waiting
        # for scans or surgery). Targets not met: red flags, referrals, intent, false
        # alarms
        "red_flag_recall": 0.83,  # 5/6
        "referral_recall": 0.72,  # 8/11
        "intent_macro_f1": 0.11,
        "false_alarms": 0.17,  # 2/12
    },
    "collected_181": {
        **TARGETS,
        # a blind set: pregnancy and after birth (pelvic girdle pain, lifting babies).
        # Targets not met: intent, false alarms, check questions
        "intent_macro_f1": 0.38,
        "false_alarms": 0.07,  # 1/14
        "check_questions": 0.5,
    },
    "collected_182": {
        **TARGETS,
        # a blind set: back injuries at work (nurses, carers, builders, drivers, office
        # workers). Targets not met: referrals, intent
        "referral_recall": 0.5,  # 3/6
        "intent_macro_f1": 0.43,
    },
    "collected_183": {
        **TARGETS,
        # a blind set: teenagers and young adults (students, athletes, dancers, gymnasts)
        # and their parents. Targets not met: red flags, emergencies, referrals, intent,
        # check questions
        "red_flag_recall": 0.0,  # 0/1
        "emergency_recall": 0.0,
        "referral_recall": 0.57,  # 8/14
        "intent_macro_f1": 0.54,
        "check_questions": 0.2,
    },
    "collected_184": {
        **TARGETS,
        # a blind set: informal and hurried writing (slang, swearing, typos, text-speak).
        # Targets not met: referrals, intent, false alarms
        "referral_recall": 0.33,  # 2/6
        "intent_macro_f1": 0.52,
        "false_alarms": 0.06,  # 1/17
    },
    "collected_185": {
        **TARGETS,
        # a blind set: long-standing conditions with something new (arthritis, scoliosis,
        # spondylolisthesis, hypermobility, past surgery). Targets not met: referrals,
        # intent
        "referral_recall": 0.76,  # 10/13
        "intent_macro_f1": 0.51,
    },
    "collected_186": {
        **TARGETS,
        # a blind set: sport and fitness communities deciding whether to keep training.
        # Targets not met: referrals, intent
        "referral_recall": 0.75,  # 3/4
        "intent_macro_f1": 0.28,
    },
    "collected_187": {
        **TARGETS,
        # a blind set: reader letters to health and advice columns, and lay columnists.
        # Targets not met: red flags, referrals, intent
        "red_flag_recall": 0.0,  # 0/1
        "referral_recall": 0.57,  # 4/7
        "intent_macro_f1": 0.57,
    },
    "collected_188": {
        **TARGETS,
        # a blind set: men writing plainly about their own back or hip pain. Targets not
        # met: referrals, intent, false alarms
        "referral_recall": 0.0,  # 0/1
        "intent_macro_f1": 0.38,
        "false_alarms": 0.13,  # 2/15
    },
    "collected_189": {
        **TARGETS,
        # a blind set: women writing about back or hip pain beside other health matters.
        # Targets not met: red flags, intent, check questions
        "red_flag_recall": 0.0,  # 0/1
        "intent_macro_f1": 0.19,
        "check_questions": 0.44,
    },
    "collected_190": {
        **TARGETS,
        # a blind set: writers outside the usual UK and US forums (Australia, New Zealand,
        # Canada, India, Singapore, Malaysia). Targets not met: red flags, referrals,
        # intent
        "red_flag_recall": 0.0,  # 0/1
        "referral_recall": 0.37,  # 3/8
        # 0.30 to 0.28 at stop 59: a crack heard on bending, told beside "when I am 50?" (an age
        # to come, not the writer's), is now read as the fragile-bones sign, a red-flag report
        # (labelled see a clinician; the age-and-crack rule is told apart and reads the age)
        "intent_macro_f1": 0.28,
    },
    "collected_191": {
        **TARGETS,
        # a blind set: sudden or severe episodes (a back gone, bed-bound, trips to A&E,
        # ambulance calls). Targets not met: red flags, intent, false alarms, check
        # questions
        "red_flag_recall": 0.8,  # 4/5
        # stop 61: 0.37 to 0.36 and 0.4 to 0.47. A badminton player's spasm, "losing my
        # ability to stand" before the ambulance came, now asks the leg-weakness check (standing
        # lost is asked about since a firefighter "had lost the ability to stand or walk"); its
        # intent is then the red flag's.
        "intent_macro_f1": 0.36,
        "false_alarms": 0.13,  # 2/15
        "check_questions": 0.47,
    },
    "collected_192": {
        **TARGETS,
        # a blind set: medicines asked of pharmacists, nurses and helplines (painkillers,
        # relaxants, injections). Targets not met: red flags, referrals, intent, false alarms
        "red_flag_recall": 0.0,  # 0/1
        # stop 56: a medicine's warning of the chance of a heart attack is now read as a
        # possibility, not an emergency, and the referral it happened to give is lost
        "referral_recall": 0.33,  # 3/9
        "intent_macro_f1": 0.54,
        "false_alarms": 0.08,  # 2/24
    },
    "collected_193": {
        **TARGETS,
        # a blind set: back or hip pain after surgery or a hospital stay. Targets not met: red
        # flags, referrals, intent
        "red_flag_recall": 0.67,  # 4/6
        "referral_recall": 0.5,  # 2/4
        "intent_macro_f1": 0.33,
    },
    "collected_194": {
        **TARGETS,
        # a blind set: back pain told beside everyday stress (money, children, commutes, sleep).
        # Targets not met: red flags, emergencies, referrals, intent
        "red_flag_recall": 0.5,  # 1/2
        "emergency_recall": 0.5,
        "referral_recall": 0.5,  # 1/2
        "intent_macro_f1": 0.34,
    },
    "collected_195": {
        **TARGETS,
        # a blind set: back and hip pain beside other long-term conditions. Targets not met: red
        # flags, emergencies, referrals, intent
        "red_flag_recall": 0.8,  # 4/5
        "emergency_recall": 0.67,
        "referral_recall": 0.63,  # 7/11
        "intent_macro_f1": 0.57,
    },
    "collected_196": {
        **TARGETS,
        # a blind set: falls and accidents told by the person or their family (ice, stairs,
        # ladders, horses, bikes, cars). Targets not met: red flags, intent, false alarms, check
        # questions
        "red_flag_recall": 0.75,  # 6/8
        "intent_macro_f1": 0.28,
        "false_alarms": 0.08,  # 1/12
        "check_questions": 0.33,
    },
    "collected_197": {
        **TARGETS,
        # a blind set: nerve symptoms in the writers' own words (pins and needles, numb feet, legs
        # giving way, bladder changes). Targets not met: red flags, emergencies, referrals,
        # intent, false alarms
        "red_flag_recall": 0.5,  # 3/6
        "emergency_recall": 0.4,
        "referral_recall": 0.66,  # 6/9
        "intent_macro_f1": 0.2,
        "false_alarms": 0.23,  # 3/13
    },
    "collected_198": {
        **TARGETS,
        # a blind set: back pain beside fever, infections, cancer treatment, weight loss or night
        # sweats. Targets not met: intent
        "intent_macro_f1": 0.28,
    },
    "collected_199": {
        **TARGETS,
        # a blind set: teenagers, students and young adults (sport, gaming, growth, dance,
        # gymnastics). Targets not met: red flags, referrals, intent, check questions
        "red_flag_recall": 0.75,  # 3/4
        # stop 55: the classifier, retrained with ten new examples (a sign imagined asks the
        # warning signs), reads other messages a little differently
        # (one referral fewer)
        "referral_recall": 0.58,  # 7/12
        "intent_macro_f1": 0.43,
        "check_questions": 0.17,
    },
    "collected_200": {
        **TARGETS,
        # a blind set: inflammatory and autoimmune back or hip pain (morning stiffness, axial
        # spondyloarthritis, psoriatic arthritis, bowel disease). Targets not met: referrals,
        # intent, false alarms
        "referral_recall": 0.61,  # 8/13
        "intent_macro_f1": 0.41,
        "false_alarms": 0.06,  # 1/18
    },
    "collected_201": {
        **TARGETS,
        # a blind set: back, hip or pelvic pain beside women's health (periods, endometriosis,
        # fibroids, menopause, fertility treatment). Targets not met: referrals, intent, false
        # alarms
        "referral_recall": 0.6,  # 6/10
        # stop 55: the classifier, retrained with ten new examples (a sign imagined asks the
        # warning signs), reads other messages a little differently; stop 65: the chills found
        # (qd018) are read as a red flag, labelled a question about the cause
        "intent_macro_f1": 0.32,
        "false_alarms": 0.08,  # 1/13
    },
    "collected_202": {
        **TARGETS,
        # a blind set: back or hip pain around travel and big life events (long drives and flights,
        # holidays, moving house, hiking trips). Targets not met: red flags, emergencies, intent
        "red_flag_recall": 0.25,  # 1/4
        "emergency_recall": 0.5,
        "intent_macro_f1": 0.47,
    },
    "collected_203": {
        **TARGETS,
        # a blind set: back pain with symptoms elsewhere in the body (tummy, kidneys, chest, rashes,
        # feeling unwell). Targets not met: referrals, intent, false alarms, check questions
        "referral_recall": 0.66,  # 8/12
        "intent_macro_f1": 0.36,
        "false_alarms": 0.12,  # 1/8
        "check_questions": 0.25,
    },
    "collected_204": {
        **TARGETS,
        # a blind set: back or hip pain beside disability or long-term neurological conditions (MS,
        # stroke, cerebral palsy, amputation, wheelchair users) and their carers. Targets not met:
        # intent, false alarms
        "intent_macro_f1": 0.26,
        "false_alarms": 0.08,  # 2/26
    },
    "collected_205": {
        **TARGETS,
        # a blind set: back pain in outdoor and trade work (farming, building trades, delivery,
        # warehouses). Targets not met: red flags, emergencies, intent
        "red_flag_recall": 0.5,  # 2/4
        "emergency_recall": 0.0,
        "intent_macro_f1": 0.32,
    },
    "collected_206": {
        **TARGETS,
        # a blind set: older adults over 65 writing about their own back or hip pain. Targets not
        # met: referrals, intent, false alarms
        "referral_recall": 0.66,  # 2/3
        # stop 56: a hip that can no longer bear weight now asks the leg-weakness check,
        # which reads as a red flag (one message of 7)
        "intent_macro_f1": 0.52,
        "false_alarms": 0.25,  # 1/4
    },
    "collected_207": {
        **TARGETS,
        # a blind set: symptoms at night or first thing in the morning (waking with pain or
        # numbness, night sciatica, morning stiffness). Targets not met: red flags, emergencies,
        # referrals, intent (stop 65: the saddle tingling found, qj011, is read as a red flag)
        "red_flag_recall": 0.71,  # 5/7
        "emergency_recall": 0.8,
        "referral_recall": 0.7,  # 7/10
        "intent_macro_f1": 0.55,
    },
    "collected_208": {
        **TARGETS,
        # a blind set: people writing weeks to years after back or hip surgery. Targets not met:
        # referrals, intent, false alarms
        "referral_recall": 0.53,  # 8/15
        "intent_macro_f1": 0.31,
        "false_alarms": 0.06,  # 1/17
    },
    "collected_209": {
        **TARGETS,
        # a blind set: people unsure whether their pain is the back, the kidneys, the gut or the
        # womb. Targets not met: referrals, intent, check questions
        "referral_recall": 0.66,  # 2/3
        "intent_macro_f1": 0.28,
        "check_questions": 0.2,
    },
    "collected_210": {
        **TARGETS,
        # a blind set: back or hip pain weighing on mood, sleep, work and family. Targets not met:
        # referrals, intent
        "referral_recall": 0.44,  # 4/9
        "intent_macro_f1": 0.68,
    },
    "collected_211": {
        **TARGETS,
        # a blind set: a weakened immune system or a serious illness beside back pain. Targets not
        # met: referrals, intent, false alarms, check questions
        "referral_recall": 0.75,  # 3/4
        "intent_macro_f1": 0.72,
        "false_alarms": 0.2,  # 1/5
        "check_questions": 0.2,
    },
    "collected_212": {
        **TARGETS,
        # a blind set: pain in the tailbone, buttock, sacroiliac joint, groin or pelvis. Targets not
        # met: red flags, referrals, intent
        "red_flag_recall": 0.67,  # 2/3
        "referral_recall": 0.5,  # 7/14
        "intent_macro_f1": 0.46,
    },
    "collected_213": {
        **TARGETS,
        # a blind set: widespread or long-lasting pain beside back pain (fibromyalgia,
        # hypermobility, long covid, arthritis in many joints). Targets not met: red flags,
        # referrals, intent, false alarms
        "red_flag_recall": 0.5,  # 2/4
        "referral_recall": 0.72,  # 13/18
        "intent_macro_f1": 0.29,
        "false_alarms": 0.06,  # 1/17
    },
    "collected_214": {
        **TARGETS,
        # a blind set: back or hip pain told weeks to years after an accident. Targets not met:
        # referrals, intent, check questions, false alarms
        "referral_recall": 0.71,  # 5/7
        "intent_macro_f1": 0.14,
        "check_questions": 0.56,
        "false_alarms": 0.07,  # 1/16
    },
    "collected_215": {
        **TARGETS,
        # a blind set: parents of babies and toddlers with back, hip or pelvic pain from lifting and
        # carrying. Targets not met: referrals, intent, check questions
        "referral_recall": 0.5,  # 3/6
        "intent_macro_f1": 0.18,
        "check_questions": 0.22,
    },
    "collected_216": {
        **TARGETS,
        # a blind set: back, hip or sciatic pain told in posts about something else (mattresses,
        # chairs, cars, shoes, dogs, DIY, diets, desks, travel). Targets not met: referrals,
        # intent, check questions
        "referral_recall": 0.71,  # 5/7
        "intent_macro_f1": 0.49,
        "check_questions": 0.17,
    },
    "collected_217": {
        **TARGETS,
        # a blind set: people deciding whether to go to A&E, urgent care or a walk-in clinic, or
        # telling what happened there. Targets not met: red flags (a foot "a little numb" in a
        # long story; pain between the shoulder blades told apart from the word "pain"),
        # referrals, intent, false alarms (an old crash beside "couldn't lift my head" in a spasm)
        "red_flag_recall": 0.66,  # 4/6
        "referral_recall": 0.66,  # 6/9
        "intent_macro_f1": 0.56,
        "false_alarms": 0.08,  # 1/13
    },
    "collected_218": {
        **TARGETS,
        # a blind set: grown-up children, partners and carers writing about someone else's back,
        # hip or leg. Targets not met: red flags (a father-in-law sent to hospital with a
        # suspected vertebral fracture, read as already seen to), referrals, intent, false alarms
        # (a mother's pelvic fracture, now in long-term care), check questions
        "red_flag_recall": 0.5,  # 1/2
        "referral_recall": 0.75,  # 3/4
        "intent_macro_f1": 0.36,
        "false_alarms": 0.08,  # 1/12
        "check_questions": 0.25,
    },
    "collected_219": {
        **TARGETS,
        # a blind set: whether exercises, stretches or routines people found or were given are
        # safe for their back or hip. Targets not met: referrals, intent
        "referral_recall": 0.5,  # 1/2
        "intent_macro_f1": 0.42,
    },
    "collected_220": {
        **TARGETS,
        # a blind set: questions to online doctors about back or leg pain with numbness,
        # weakness, bladder changes or fever. Targets not met: red flags (months of deep thigh
        # pain that wakes her, told without a night-pain cue), referrals, intent, false alarms (a
        # leg that would not step forward for a week, since seen by a doctor), check questions
        "red_flag_recall": 0.91,  # 11/12
        "referral_recall": 0.71,  # 5/7
        "intent_macro_f1": 0.57,
        "false_alarms": 0.25,  # 1/4
        "check_questions": 0.25,
    },
    "collected_221": {
        **TARGETS,
        # a blind set: back, hip or leg pain linked to a procedure or a medicine. Targets not
        # met: referrals, intent, false alarms (bone pain from a booster during chemotherapy:
        # any cancer history with back pain is asked about today), check questions
        "referral_recall": 0.71,  # 5/7
        "intent_macro_f1": 0.27,
        "false_alarms": 0.06,  # 1/18
        "check_questions": 0.17,
    },
    "collected_222": {
        **TARGETS,
        # a blind set: pain told in product reviews and blog posts about trying a product.
        # Targets not met: red flags ("I was unable to walk" with nerve pain, no leg named),
        # referrals, intent
        "red_flag_recall": 0.5,  # 1/2
        "referral_recall": 0.7,  # 7/10
        "intent_macro_f1": 0.32,
    },
    "collected_223": {
        **TARGETS,
        # a blind set meant for readers' comments; the collector found blog posts and advice
        # columns instead. Targets not met: referrals, intent, check questions
        "referral_recall": 0.7,  # 7/10
        "intent_macro_f1": 0.40,
        "check_questions": 0.19,
    },
    "collected_224": {
        **TARGETS,
        # a blind set: people quoting their scan reports or a doctor's words. Targets not met:
        # referrals, intent
        "referral_recall": 0.58,  # 7/12
        "intent_macro_f1": 0.39,
    },
    "collected_225": {
        **TARGETS,
        # a blind set: pain in the upper or middle back and around the ribs. Targets not met: red
        # flags (back and shoulder pain weeks after heart bypass), referrals, intent, false alarms
        # (breathlessness and gallstone pain already seen to), check questions
        "red_flag_recall": 0.88,  # 7/8
        "referral_recall": 0.6,  # 3/5
        "intent_macro_f1": 0.18,
        "false_alarms": 0.15,  # 2/13
        "check_questions": 0.23,
    },
    "collected_226": {
        **TARGETS,
        # a blind set: what happened after a chiropractor, osteopath, massage or acupuncture
        # session. Targets not met: red flags (new face numbness and vertigo after manipulation),
        # referrals, intent, check questions
        "red_flag_recall": 0.5,  # 2/4
        # 6/9 to 5/9 in stop 60: "I went out for an easy three mile run" is the writer going
        # out, not a hip going out
        "referral_recall": 0.55,  # 5/9
        "intent_macro_f1": 0.46,
        "check_questions": 0.41,
    },
    "collected_227": {
        **TARGETS,
        # a blind set: people who sit, stand or play an instrument for a living. Targets not met:
        # referrals, intent
        "referral_recall": 0.66,  # 6/9
        "intent_macro_f1": 0.33,
    },
    "collected_228": {
        **TARGETS,
        # a blind set: everyday movements (socks, sneezes, the car, the stairs, the bed). Targets
        # not met: intent, check questions
        "intent_macro_f1": 0.56,
        "check_questions": 0.19,
    },
    "collected_229": {
        **TARGETS,
        # a blind set: people in uniformed or shift jobs. Targets not met: red flags (worsening leg
        # numbness read as see a clinician), referrals, intent
        "red_flag_recall": 0.67,  # 2/3
        "referral_recall": 0.7,  # 12/17
        "intent_macro_f1": 0.34,
    },
    "collected_230": {
        **TARGETS,
        # a blind set: sex, intimacy and relationships. Targets not met: referrals, intent
        "referral_recall": 0.6,  # 3/5
        "intent_macro_f1": 0.59,
    },
    "collected_231": {
        **TARGETS,
        # a blind set: pain people link to the weather. Targets not met: referrals, intent
        "referral_recall": 0.5,  # 2/4
        "intent_macro_f1": 0.29,
    },
    "collected_232": {
        **TARGETS,
        # a blind set: supplements, diets and home remedies. Targets not met: intent
        "intent_macro_f1": 0.34,
    },
    "collected_233": {
        **TARGETS,
        # a blind set: another joint first, the back or hip in passing. Targets not met: red flags
        # (new one-sided weakness in pregnancy sciatica, asked since stop 65), referrals, intent
        # (the weakness's check read as a red flag), check questions
        "referral_recall": 0.66,  # 8/12
        "intent_macro_f1": 0.36,
        "check_questions": 0.27,
    },
    "collected_234": {
        **TARGETS,
        # a blind set: pain told through comparisons and metaphors. Targets not met: red flags
        # (burning pain down the whole spine; a leg that buckles), referrals, intent
        "red_flag_recall": 0.71,  # 5/7
        "referral_recall": 0.58,  # 7/12
        "intent_macro_f1": 0.47,
    },
    "collected_235": {
        **TARGETS,
        # a blind set: odd sensations in the buttock, groin or genitals. Targets not met: intent,
        # false alarms (numbness from a bike saddle), check questions
        "intent_macro_f1": 0.18,
        "false_alarms": 0.5,  # 2/4
        "check_questions": 0.25,
    },
    "collected_236": {
        **TARGETS,
        # a blind set: thin bones or steroids and a cough, a sneeze or a bump. Targets not met:
        # intent, false alarms (a mother's hip fracture already operated on), check questions
        "intent_macro_f1": 0.28,
        "false_alarms": 0.14,  # 1/7
        "check_questions": 0.71,
    },
    "collected_237": {
        **TARGETS,
        # a blind set: pain during or after an illness. Targets not met: red flags and emergencies
        # (chills and feeling very unwell in a flu; shallow breathing with a fever read as urgent),
        # intent, false alarms (fevers already seen in A&E), check questions
        "red_flag_recall": 0.57,  # 4/7
        "emergency_recall": 0.5,
        "intent_macro_f1": 0.39,
        "false_alarms": 0.27,  # 3/11
        "check_questions": 0.45,
    },
    "collected_238": {
        **TARGETS,
        # a blind set: four short collections cut off when the search budget ran out (scoliosis,
        # bladder or bowel changes, the days after a fall, legs when walking). Targets not met: red
        # flags (weight loss told as a year of feeling unwell; mid-back pain after icy steps; both
        # found since stop 65, and read as red flags, labelled questions), referrals, intent
        "referral_recall": 0.57,  # 4/7
        "intent_macro_f1": 0.44,
    },
    "collected_239": {
        **TARGETS,
        # a blind set: people who lift weights or do CrossFit. Targets not met: referrals, intent
        "referral_recall": 0.5,  # 4/8
        "intent_macro_f1": 0.44,
    },
    "collected_240": {
        **TARGETS,
        # a blind set: yoga, pilates, dance, gymnastics and martial arts. Targets not met:
        # referrals, intent
        "referral_recall": 0.53,  # 7/13
        "intent_macro_f1": 0.4,
    },
    "collected_241": {
        **TARGETS,
        # a blind set: the hip joint itself (arthritis, labral tears, impingement, bursitis, a
        # replacement). Targets not met: false alarms (a fracture already operated on; a past flu
        # and long-term steroids told inside hip-replacement stories), referrals, intent
        "referral_recall": 0.57,  # 4/7
        "intent_macro_f1": 0.74,
        "false_alarms": 0.1,  # 3/30
    },
    "collected_242": {
        **TARGETS,
        # a blind set: spinal injections, nerve ablation and back surgery, before and after.
        # Targets not met: referrals, intent
        "referral_recall": 0.73,  # 11/15
        "intent_macro_f1": 0.29,
    },
    "collected_243": {
        **TARGETS,
        # a blind set: weight, diet, smoking, drinking and hormones beside back or hip pain.
        # Targets not met: check questions, referrals, intent
        "referral_recall": 0.55,  # 5/9
        "intent_macro_f1": 0.35,
        "check_questions": 0.2,
    },
    "collected_244": {
        **TARGETS,
        # a blind set: 'is this normal, should I worry' questions (short: 6 messages). Targets not
        # met: referrals, intent
        "referral_recall": 0.66,  # 2/3
        "intent_macro_f1": 0.45,
    },
    "collected_245": {
        **TARGETS,
        # a blind set: foot, calf and shin symptoms that come from the back (short: 15 messages).
        # Targets not met: check questions, referrals, intent
        "referral_recall": 0.5,  # 4/8
        "intent_macro_f1": 0.27,
        "check_questions": 0.5,
    },
    "collected_246": {
        **TARGETS,
        # a blind set: other organs first felt as back, side or hip pain. Targets not met: false
        # alarms (heart attacks and a clot told as past, treated events), check questions, intent
        "intent_macro_f1": 0.26,
        "false_alarms": 0.22,  # 5/23
        "check_questions": 0.65,
    },
    "collected_247": {
        **TARGETS,
        # a blind set: flare-ups in long-term back pain. Targets not met: red flags (a worst-ever
        # flare of ankylosing spondylitis with sweating, read as a referral), referrals, intent
        "red_flag_recall": 0.8,  # 4/5
        "referral_recall": 0.4,  # 2/5
        "intent_macro_f1": 0.41,
    },
    "collected_248": {
        **TARGETS,
        # a blind set: hip and groin pain in women outside pregnancy. Targets not met: referrals,
        # intent
        "referral_recall": 0.52,  # 9/17
        "intent_macro_f1": 0.31,
    },
    "collected_249": {
        **TARGETS,
        # a blind set: health anxiety and the fear of a serious disease. Targets not met: false
        # alarms (health anxiety's fears of cancer and clots, a cancer survivor's fears),
        # referrals, intent
        "referral_recall": 0.66,  # 4/6
        "intent_macro_f1": 0.38,
        "false_alarms": 0.31,  # 4/13
    },
    "collected_250": {
        **TARGETS,
        # a blind set: cyclists, swimmers, golfers, racket players, climbers and rowers. Targets
        # not met: referrals, intent
        "referral_recall": 0.28,  # 2/7
        "intent_macro_f1": 0.48,
    },
    "collected_251": {
        **TARGETS,
        # a blind set: back or hip pain on holiday or working away. Targets not met: red flags (a
        # back injury on a cruise, worse day by day, read as a referral), referrals, intent
        "red_flag_recall": 0.5,  # 1/2
        "referral_recall": 0.58,  # 7/12
        "intent_macro_f1": 0.36,
    },
    "collected_252": {
        **TARGETS,
        # a blind set: neck and shoulder pain told with back or hip pain. Targets not met: red
        # flags and emergencies (shooting pains in 'my sciatic nerves', both sides), referrals,
        # intent, check questions
        "red_flag_recall": 0.75,  # 3/4
        "emergency_recall": 0.0,
        "referral_recall": 0.77,  # 7/9
        "intent_macro_f1": 0.42,
        "check_questions": 0.24,
    },
    "collected_253": {
        **TARGETS,
        # a blind set: back, hip and pelvic injuries from animals. Targets not met: red flags and
        # emergencies (mid-back pain after a fall from a horse; a fall down a whole flight of
        # stairs; the flight asked since stop 65), false alarms (fractures already treated),
        # referrals, intent
        "red_flag_recall": 0.83,  # 5/6
        "referral_recall": 0.69,  # 9/13
        "intent_macro_f1": 0.27,
        "false_alarms": 0.11,  # 2/19
    },
    "collected_254": {
        **TARGETS,
        # a blind set: second-language English on ask-a-doctor sites (two messages left once the
        # used pages were dropped). Targets not met: referrals (a hip's bone death worsening over
        # two years), intent
        "referral_recall": 0.0,  # 0/1
        "intent_macro_f1": 0.5,
    },
    "collected_255": {
        **TARGETS,
        # a blind set: soldiers, veterans, police, firefighters and paramedics. Targets not met:
        # red flags (a 66-year-old's lifting strain, his age not in the message), referrals,
        # intent
        "red_flag_recall": 0.75,  # 3/4
        "referral_recall": 0.5,  # 2/4
        "intent_macro_f1": 0.34,
    },
    "collected_256": {
        **TARGETS,
        # a blind set: back or hip pain beside another illness or its treatment. Targets not
        # met: red flags (a haemophilia hip bleed; chemotherapy's bone pain, the cancer not named
        # in the message), referrals, intent, check questions
        "red_flag_recall": 0.78,  # 7/9
        "referral_recall": 0.5,  # 4/8
        "intent_macro_f1": 0.44,
        "check_questions": 0.2,
    },
    "collected_257": {
        **TARGETS,
        # a blind set: night pain, mornings and sleep. Targets not met: referrals (the
        # inflammatory pattern told as a story), intent, false alarms (a spasm that no position
        # eased, told as mostly gone sentences later)
        "referral_recall": 0.5,  # 3/6
        "intent_macro_f1": 0.68,
        "false_alarms": 0.08,  # 1/13
    },
    "collected_258": {
        **TARGETS,
        # a blind set: drivers, pilots, gamers and desk workers. Targets not met: red flags and
        # emergencies (a spouse's "temporarily paralyzed... when it happens now"), intent
        "red_flag_recall": 0.67,  # 2/3
        "emergency_recall": 0.0,
        "intent_macro_f1": 0.33,
    },
    "collected_259": {
        **TARGETS,
        # a blind set: musicians, artists, nurses and carers. Targets not met: referrals (a
        # dancer who can no longer lift her leg), intent
        "referral_recall": 0.6,  # 3/5
        "intent_macro_f1": 0.33,
    },
    "collected_260": {
        **TARGETS,
        # a blind set: home workouts, fitness apps and online classes. Targets not met:
        # referrals (a hip that pops in and out; a hip flexor torn on a stretch), intent
        "referral_recall": 0.6,  # 3/5
        "intent_macro_f1": 0.33,
    },
    "collected_261": {
        **TARGETS,
        # a blind set: back or hip pain with medicine questions and side effects. Targets not
        # met: referrals, false alarms (a first dose of gabapentin; a door pushed open on a dog
        # walk), intent
        "referral_recall": 0.5,  # 9/18
        "false_alarms": 0.15,  # 2/13
        "intent_macro_f1": 0.53,
    },
    "collected_262": {
        **TARGETS,
        # a blind set: pregnancy, birth, periods, menopause and carrying babies. Targets not met:
        # red flags (severe night pain in pregnancy under the ribs), referrals, check questions,
        # intent
        "red_flag_recall": 0.75,  # 3/4
        "referral_recall": 0.72,  # 8/11
        "check_questions": 0.24,
        "intent_macro_f1": 0.32,
    },
    "collected_263": {
        **TARGETS,
        # a blind set: back pain from work and daily life (lifting, farming, caring, building).
        # Targets not met: referrals, false alarms (a carer lifting her paralysed husband), intent
        "referral_recall": 0.3,  # 3/10
        "false_alarms": 0.06,  # 1/17
        "intent_macro_f1": 0.18,
    },
    "collected_264": {
        **TARGETS,
        # a blind set: scans, diagnoses, surgery and painkillers. Targets not met: red flags (a
        # growing lump under a new hip's scar), referrals, false alarms (a red scar a surgeon
        # had already put down to the glue), intent
        "red_flag_recall": 0.75,  # 3/4
        "referral_recall": 0.56,  # 13/23
        "false_alarms": 0.08,  # 1/13
        "intent_macro_f1": 0.44,
    },
    "collected_265": {
        **TARGETS,
        # a blind set: older people and their carers (falls, thin bones, steroids, past cancer,
        # arthritis). Targets not met: red flags (an 85-year-old's pain six weeks after a fall
        # with a clear X-ray), referrals, false alarms (a friend's fall and broken hip told as
        # the writer's), intent
        "red_flag_recall": 0.67,  # 2/3
        "referral_recall": 0.57,  # 11/19
        "false_alarms": 0.11,  # 1/9
        "intent_macro_f1": 0.27,
    },
    "collected_266": {
        **TARGETS,
        # a blind set: younger people (lifting, running, pregnancy, gaming, crashes). Targets not
        # met: red flags (mid-back pain from a sofa, labelled urgent as thoracic pain; a hip
        # broken in a slip, told as a story in the past), referrals, intent
        "red_flag_recall": 0.33,  # 1/3
        "referral_recall": 0.71,  # 10/14
        "intent_macro_f1": 0.49,
    },
    "collected_267": {
        **TARGETS,
        # a blind set: workers and people with long-term conditions (a postman, bus drivers,
        # farmers, cancer survivors, MS). Targets not met: check questions (a fall's and a
        # knee that nearly gave way, both asked), intent
        "check_questions": 0.25,  # 2/8
        "intent_macro_f1": 0.35,
    },
    "collected_268": {
        **TARGETS,
        # a blind set: hip problems (FAI, labral tears, dysplasia), golfers, runners, a
        # musician, a late pregnancy. Target not met: intent (long stories, most of them
        # labelled as a question they end without asking)
        "intent_macro_f1": 0.12,
    },
    "collected_269": {
        **TARGETS,
        # a blind set: older people and their carers, blood thinners, falls (most pages with a
        # warning sign were already used). Targets not met: false alarms (a fall from a ladder
        # told with the injuries found afterwards), check questions (a fall's, a steroid's and
        # a faint's, each asked of a story the collector read as over), intent
        "false_alarms": 0.08,  # 1/14
        "check_questions": 0.22,  # 3/14
        "intent_macro_f1": 0.11,
    },
    "collected_270": {
        **TARGETS,
        # a blind set: athletes, lifters, runners, pregnancy and after birth, long sciatica
        # stories. Targets not met: red flags and emergencies (a marathon runner with a known
        # stress reaction who could not take another stride, a month ago), referrals, false
        # alarms (a fall from a tree at twenty-one; feeling unwell before a back spasm),
        # intent
        "red_flag_recall": 0.5,  # 1/2
        "emergency_recall": 0.5,  # 1/2
        "referral_recall": 0.6,  # 9/15
        "false_alarms": 0.08,  # 2/28
        "intent_macro_f1": 0.19,
    },
    "collected_271": {
        **TARGETS,
        # a blind set: occupations, paddlers, riders, climbers, allotments (no page with a
        # warning sign was left unused). Targets not met: referrals (sciatic shocks from scar
        # tissue a year after an operation), false alarms (a spine fractured in a bouldering
        # fall, back climbing three months later; discitis told as a story of months ago),
        # intent
        "referral_recall": 0.66,  # 2/3
        "false_alarms": 0.11,  # 2/19
        "intent_macro_f1": 0.43,
    },
}

# The collected sets before OLDEST_THROUGH_THE_SERVERS, gated by the detector alone in `make
# test` (red flags, emergencies, false alarms), all measures through the servers in `make
# bench-real`: through the servers they took the suite past its 20 minutes (stop 62: 1,493 s on a
# slower machine, the real messages a fifth of its CPU). Left out, and scored through the
# servers: the sets whose floors the assistant reaches only through the conversation (a yes to a
# question asked on the classifier's reading, with no finding of the detector's behind it).
THROUGH_THE_CONVERSATION = {f"collected_{number}" for number in (2, 6, 22, 101, 135, 162, 176, 215)}
OLDEST_THROUGH_THE_SERVERS = 261
READ_BY_THE_DETECTOR = [
    f"collected_{number}"
    for number in range(1, OLDEST_THROUGH_THE_SERVERS)
    if f"collected_{number}" not in THROUGH_THE_CONVERSATION
]
# what the detector's reading can show: the rest needs the classifier and the dialogue
DETECTOR_MEASURES = ("red_flag_recall", "emergency_recall", "false_alarms")
