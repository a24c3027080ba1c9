-- Each service owns its database (docker-compose runs this once, on an empty volume).
CREATE DATABASE referral_api;
CREATE DATABASE referral_processor;
CREATE DATABASE notification_worker;
